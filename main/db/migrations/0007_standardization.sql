-- safeledger:foreign-keys-off
-- 安全生产标准化自评: standards (element trees and scoring sheets) as data,
-- yearly self-assessment sessions with per-item applicability, description,
-- deductions with reasons and evidence links to records in the app, and the
-- follow-up of deductions as hazards (source 标准化自评) or to-dos.
--
-- The hazard table is rebuilt (foreign keys off, checked afterwards) to accept
-- the new source STANDARD.

CREATE TABLE hazard_new (
  id                 TEXT PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  source             TEXT NOT NULL CHECK (source IN ('DAY', 'WEEK', 'MONTH', 'SPECIAL', 'ADHOC', 'DRILL', 'EXTERNAL', 'REPORT', 'STANDARD')),
  checkRecordId      TEXT REFERENCES check_record(id),
  checkItemId        INTEGER REFERENCES check_item(id),
  unitId             TEXT NOT NULL REFERENCES unit(id),
  riskPointId        TEXT REFERENCES risk_point(id),
  location           TEXT,
  description        TEXT NOT NULL CHECK (length(description) > 0),
  kind               TEXT NOT NULL CHECK (kind IN ('PERSON', 'THING', 'MANAGEMENT')),
  scope              TEXT NOT NULL CHECK (scope IN ('BASIC', 'SITE')),
  level              TEXT NOT NULL,
  criteriaCode       TEXT,
  foundByName        TEXT NOT NULL CHECK (length(foundByName) > 0),
  foundOn            TEXT NOT NULL,
  -- 五落实: 措施、责任、资金、时限、预案
  measures           TEXT,
  respUnitId         TEXT REFERENCES unit(id),
  respPersonId       TEXT REFERENCES person(id),
  funds              REAL CHECK (funds IS NULL OR funds >= 0),
  deadline           TEXT NOT NULL,
  interimMeasures    TEXT,
  status             TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'IN_PROGRESS', 'AWAITING_REVIEW', 'CLOSED')),
  rectifierId        TEXT REFERENCES person(id),
  rectifiedOn        TEXT,
  rectifyNote        TEXT,
  closedOn           TEXT,
  extensionCount     INTEGER NOT NULL DEFAULT 0,
  reportedOn         TEXT,
  reportedTo         TEXT,
  createdAtMs        INTEGER NOT NULL,
  updatedAtMs        INTEGER NOT NULL,
  CHECK (deadline >= foundOn)
) STRICT;
INSERT INTO hazard_new (id, code, source, checkRecordId, checkItemId, unitId, riskPointId, location, description, kind, scope, level, criteriaCode, foundByName, foundOn, measures, respUnitId, respPersonId, funds, deadline, interimMeasures, status, rectifierId, rectifiedOn, rectifyNote, closedOn, extensionCount, reportedOn, reportedTo, createdAtMs, updatedAtMs)
  SELECT id, code, source, checkRecordId, checkItemId, unitId, riskPointId, location, description, kind, scope, level, criteriaCode, foundByName, foundOn, measures, respUnitId, respPersonId, funds, deadline, interimMeasures, status, rectifierId, rectifiedOn, rectifyNote, closedOn, extensionCount, reportedOn, reportedTo, createdAtMs, updatedAtMs FROM hazard;
DROP TABLE hazard;
ALTER TABLE hazard_new RENAME TO hazard;
CREATE INDEX hazard_found ON hazard(foundOn, code);
CREATE INDEX hazard_status_found ON hazard(status, foundOn, code);
CREATE INDEX hazard_status ON hazard(status, deadline);
CREATE INDEX hazard_unit ON hazard(unitId, foundOn);
CREATE INDEX hazard_record ON hazard(checkRecordId) WHERE checkRecordId IS NOT NULL;
CREATE INDEX hazard_point ON hazard(riskPointId) WHERE riskPointId IS NOT NULL;

-- A standard: the element tree and its scoring sheet (built in or imported).
CREATE TABLE std_standard (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  edition     TEXT,
  note        TEXT,
  builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  createdAtMs INTEGER NOT NULL
) STRICT;

CREATE TABLE std_element (
  id         INTEGER PRIMARY KEY,
  standardId TEXT NOT NULL REFERENCES std_standard(id) ON DELETE CASCADE,
  code       TEXT NOT NULL CHECK (length(code) > 0),
  name       TEXT NOT NULL CHECK (length(name) > 0),
  parentId   INTEGER REFERENCES std_element(id),
  level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
  seq        INTEGER NOT NULL,
  UNIQUE (standardId, code)
) STRICT;
CREATE INDEX std_element_parent ON std_element(parentId);

-- 考评项目: content, standard points, deduction rules (评分标准), suggested evidence.
CREATE TABLE std_item (
  id         INTEGER PRIMARY KEY,
  standardId TEXT NOT NULL REFERENCES std_standard(id) ON DELETE CASCADE,
  elementId  INTEGER NOT NULL REFERENCES std_element(id),
  code       TEXT NOT NULL CHECK (length(code) > 0),
  content    TEXT NOT NULL CHECK (length(content) > 0),
  points     REAL NOT NULL CHECK (points > 0),
  method     TEXT,
  evidence   TEXT,
  seq        INTEGER NOT NULL,
  UNIQUE (standardId, code)
) STRICT;
CREATE INDEX std_item_element ON std_item(elementId, seq);

-- A year's self-assessment (自评).
CREATE TABLE std_session (
  id                TEXT PRIMARY KEY,
  year              INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title             TEXT NOT NULL CHECK (length(title) > 0),
  standardId        TEXT NOT NULL REFERENCES std_standard(id),
  gradeProfile      TEXT NOT NULL,
  teamJson          TEXT NOT NULL CHECK (json_valid(teamJson)),
  startsOn          TEXT NOT NULL,
  endsOn            TEXT NOT NULL,
  accidentFreeYears REAL CHECK (accidentFreeYears IS NULL OR accidentFreeYears >= 0),
  overview          TEXT,
  process           TEXT,
  status            TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FINISHED')),
  finishedOn        TEXT,
  score             REAL,
  grade             TEXT,
  createdAtMs       INTEGER NOT NULL,
  updatedAtMs       INTEGER NOT NULL,
  CHECK (endsOn >= startsOn)
) STRICT;
CREATE INDEX std_session_year ON std_session(year);

-- One item's answer: applicable or not (with a reason), the situation, the score.
CREATE TABLE std_result (
  sessionId   TEXT NOT NULL REFERENCES std_session(id) ON DELETE CASCADE,
  itemId      INTEGER NOT NULL REFERENCES std_item(id),
  applicable  INTEGER NOT NULL CHECK (applicable IN (0, 1)),
  naReason    TEXT,
  description TEXT,
  score       REAL,
  updatedAtMs INTEGER NOT NULL,
  PRIMARY KEY (sessionId, itemId),
  CHECK (applicable = 1 OR (naReason IS NOT NULL AND score IS NULL)),
  CHECK (score IS NULL OR score >= 0)
) STRICT, WITHOUT ROWID;

-- 扣分点: points and reason; followed up as a hazard or a to-do.
CREATE TABLE std_deduction (
  id          TEXT PRIMARY KEY,
  sessionId   TEXT NOT NULL REFERENCES std_session(id) ON DELETE CASCADE,
  itemId      INTEGER NOT NULL REFERENCES std_item(id),
  seq         INTEGER NOT NULL,
  points      REAL NOT NULL CHECK (points > 0),
  reason      TEXT NOT NULL CHECK (length(reason) > 0),
  hazardId    TEXT REFERENCES hazard(id),
  todoOwnerId TEXT REFERENCES person(id),
  todoDueOn   TEXT,
  todoDoneOn  TEXT,
  todoNote    TEXT
) STRICT;
CREATE INDEX std_deduction_item ON std_deduction(sessionId, itemId, seq);

-- Evidence: a record inside the app (kind + id, or a ledger period) or an attached file.
CREATE TABLE std_evidence (
  id          TEXT PRIMARY KEY,
  sessionId   TEXT NOT NULL REFERENCES std_session(id) ON DELETE CASCADE,
  itemId      INTEGER NOT NULL REFERENCES std_item(id),
  kind        TEXT NOT NULL,
  refId       TEXT,
  periodFrom  TEXT,
  periodTo    TEXT,
  label       TEXT NOT NULL CHECK (length(label) > 0),
  createdAtMs INTEGER NOT NULL
) STRICT;
CREATE INDEX std_evidence_item ON std_evidence(sessionId, itemId);
