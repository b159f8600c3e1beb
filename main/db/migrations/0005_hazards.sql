-- 隐患排查治理: 日周月 check plans with checklists drawn from the risk register,
-- generated check tasks (漏检 kept on the record), check records with item
-- results, and hazards through the rectification closed loop to 销号.

-- Holidays and adjusted working days (调休) the user configures; a daily plan
-- that skips non-working days reads them.
CREATE TABLE work_calendar (
  day       TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  isWorkday INTEGER NOT NULL CHECK (isWorkday IN (0, 1)),
  name      TEXT NOT NULL CHECK (length(name) > 0)
) STRICT;

CREATE TABLE check_plan (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL CHECK (length(name) > 0),
  tier                TEXT NOT NULL CHECK (tier IN ('DAY', 'WEEK', 'MONTH', 'SPECIAL', 'SEASONAL', 'HOLIDAY', 'ADHOC')),
  frequency           TEXT NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ONCE')),
  skipNonWorkdays     INTEGER NOT NULL DEFAULT 1 CHECK (skipNonWorkdays IN (0, 1)),
  unitId              TEXT NOT NULL REFERENCES unit(id),
  responsiblePersonId TEXT NOT NULL REFERENCES person(id),
  -- The principal personally leads this plan's checks (counts for the monthly rule).
  ledByPrincipal      INTEGER NOT NULL DEFAULT 0 CHECK (ledByPrincipal IN (0, 1)),
  startsOn            TEXT NOT NULL,
  endsOn              TEXT,
  status              TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'ARCHIVED')),
  notes               TEXT,
  createdAtMs         INTEGER NOT NULL,
  updatedAtMs         INTEGER NOT NULL,
  CHECK (endsOn IS NULL OR endsOn >= startsOn)
) STRICT;

-- What a plan covers: units, map areas, risk points.
CREATE TABLE check_plan_scope (
  planId TEXT NOT NULL REFERENCES check_plan(id) ON DELETE CASCADE,
  kind   TEXT NOT NULL CHECK (kind IN ('UNIT', 'AREA', 'RISK_POINT')),
  refId  TEXT NOT NULL,
  PRIMARY KEY (planId, kind, refId)
) STRICT;

-- A plan's checklist. An item generated from a control measure keeps the link,
-- so the measure cannot silently disappear while a plan checks it. Items that
-- records have used are never rewritten: an edit retires the old item and adds
-- a new one, so every record keeps the exact wording it was checked against.
-- The integer key keeps the millions of results compact (see check_record).
CREATE TABLE check_item (
  id            INTEGER PRIMARY KEY,
  planId        TEXT NOT NULL REFERENCES check_plan(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL CHECK (seq >= 1),
  category      TEXT NOT NULL CHECK (category IN ('BASIC', 'SITE')),
  content       TEXT NOT NULL CHECK (length(content) > 0),
  standard      TEXT,
  basis         TEXT,
  method        TEXT NOT NULL DEFAULT 'LOOK' CHECK (method IN ('DOC', 'ASK', 'LOOK', 'TEST')),
  measureId     TEXT REFERENCES control_measure(id),
  riskPointId   TEXT REFERENCES risk_point(id),
  criteriaCode  TEXT,
  libraryKey    TEXT,
  used          INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
  retired       INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX check_item_seq ON check_item(planId, seq) WHERE retired = 0;
CREATE INDEX check_item_measure ON check_item(measureId) WHERE measureId IS NOT NULL AND retired = 0;
CREATE INDEX check_item_point ON check_item(riskPointId) WHERE riskPointId IS NOT NULL AND retired = 0;

-- One task per plan and period. `missed` is set once the period ends without a
-- record and is never cleared: a record made later is 补做, not on time.
CREATE TABLE check_task (
  id          TEXT PRIMARY KEY,
  planId      TEXT NOT NULL REFERENCES check_plan(id) ON DELETE CASCADE,
  periodKey   TEXT NOT NULL,
  periodStart TEXT NOT NULL,
  dueOn       TEXT NOT NULL,
  missed      INTEGER NOT NULL DEFAULT 0 CHECK (missed IN (0, 1)),
  recordId    TEXT,
  createdAtMs INTEGER NOT NULL,
  UNIQUE (planId, periodKey),
  CHECK (dueOn >= periodStart)
) STRICT;
CREATE INDEX check_task_due ON check_task(dueOn);
CREATE INDEX check_task_open ON check_task(dueOn) WHERE recordId IS NULL;

-- A check record. `resultsJson` holds every item's result in checklist order as
-- [[itemId, "PASS"|"FAIL"|"NA"], …] — about ten bytes an item, so three years of
-- daily checks stay small; items with a remark, photos or a hazard also get a
-- check_finding row.
CREATE TABLE check_record (
  id                    TEXT PRIMARY KEY,
  taskId                TEXT NOT NULL UNIQUE REFERENCES check_task(id),
  planId                TEXT NOT NULL REFERENCES check_plan(id),
  checkedOn             TEXT NOT NULL,
  late                  INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  checkerNames          TEXT NOT NULL CHECK (length(checkerNames) > 0),
  signatureAttachmentId TEXT REFERENCES attachment(id),
  summary               TEXT,
  resultsJson           TEXT NOT NULL CHECK (json_valid(resultsJson)),
  passCount             INTEGER NOT NULL DEFAULT 0,
  failCount             INTEGER NOT NULL DEFAULT 0,
  naCount               INTEGER NOT NULL DEFAULT 0,
  createdAtMs           INTEGER NOT NULL
) STRICT;
CREATE INDEX check_record_plan ON check_record(planId, checkedOn);
CREATE INDEX check_record_date ON check_record(checkedOn);

CREATE TABLE check_record_checker (
  recordId TEXT NOT NULL REFERENCES check_record(id) ON DELETE CASCADE,
  personId TEXT NOT NULL REFERENCES person(id),
  PRIMARY KEY (recordId, personId)
) STRICT;
CREATE INDEX check_record_checker_person ON check_record_checker(personId);

CREATE TABLE check_finding (
  recordId     TEXT NOT NULL REFERENCES check_record(id) ON DELETE CASCADE,
  itemId       INTEGER NOT NULL REFERENCES check_item(id),
  result       TEXT NOT NULL CHECK (result IN ('PASS', 'FAIL', 'NA')),
  remark       TEXT,
  photoIdsJson TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(photoIdsJson)),
  hazardId     TEXT,
  PRIMARY KEY (recordId, itemId)
) STRICT;

-- 隐患. Number YH-YYYY-NNNN; the 五落实 fields; 重大 extras in hazard_treatment.
CREATE TABLE hazard (
  id                 TEXT PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  source             TEXT NOT NULL CHECK (source IN ('DAY', 'WEEK', 'MONTH', 'SPECIAL', 'ADHOC', 'DRILL', 'EXTERNAL', 'REPORT')),
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
-- The ledger pages newest first, with or without a status; open hazards by deadline.
CREATE INDEX hazard_found ON hazard(foundOn, code);
CREATE INDEX hazard_status_found ON hazard(status, foundOn, code);
CREATE INDEX hazard_status ON hazard(status, deadline);
CREATE INDEX hazard_unit ON hazard(unitId, foundOn);
CREATE INDEX hazard_record ON hazard(checkRecordId) WHERE checkRecordId IS NOT NULL;
CREATE INDEX hazard_point ON hazard(riskPointId) WHERE riskPointId IS NOT NULL;

-- 重大事故隐患: the report and the treatment plan (domain.md §4), and the principal's approval.
CREATE TABLE hazard_treatment (
  hazardId        TEXT PRIMARY KEY REFERENCES hazard(id),
  presentState    TEXT NOT NULL,
  harm            TEXT NOT NULL,
  goals           TEXT NOT NULL,
  methods         TEXT NOT NULL,
  fundsMaterials  TEXT NOT NULL,
  organisation    TEXT NOT NULL,
  timeLimit       TEXT NOT NULL,
  safetyMeasures  TEXT NOT NULL,
  approvedById    TEXT REFERENCES person(id),
  approvedOn      TEXT,
  updatedAtMs     INTEGER NOT NULL
) STRICT;

CREATE TABLE hazard_photo (
  hazardId     TEXT NOT NULL REFERENCES hazard(id),
  stage        TEXT NOT NULL CHECK (stage IN ('FOUND', 'RECTIFIED', 'REINSPECTED')),
  attachmentId TEXT NOT NULL REFERENCES attachment(id),
  seq          INTEGER NOT NULL,
  PRIMARY KEY (hazardId, stage, attachmentId)
) STRICT;

CREATE TABLE hazard_extension (
  id              TEXT PRIMARY KEY,
  hazardId        TEXT NOT NULL REFERENCES hazard(id),
  reason          TEXT NOT NULL CHECK (length(reason) > 0),
  oldDeadline     TEXT NOT NULL,
  newDeadline     TEXT NOT NULL,
  interimMeasures TEXT NOT NULL CHECK (length(interimMeasures) > 0),
  requestedByName TEXT NOT NULL,
  approvedById    TEXT NOT NULL REFERENCES person(id),
  approvedOn      TEXT NOT NULL,
  createdAtMs     INTEGER NOT NULL,
  CHECK (newDeadline > oldDeadline)
) STRICT;
CREATE INDEX hazard_extension_hazard ON hazard_extension(hazardId);

CREATE TABLE hazard_reinspection (
  id            TEXT PRIMARY KEY,
  hazardId      TEXT NOT NULL REFERENCES hazard(id),
  inspectorId   TEXT NOT NULL REFERENCES person(id),
  inspectedOn   TEXT NOT NULL,
  passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
  opinion       TEXT NOT NULL CHECK (length(opinion) > 0),
  createdAtMs   INTEGER NOT NULL
) STRICT;
CREATE INDEX hazard_reinspection_hazard ON hazard_reinspection(hazardId);

-- The hazard's timeline: every step with who and when (the audit log keeps the data).
CREATE TABLE hazard_event (
  id          TEXT PRIMARY KEY,
  hazardId    TEXT NOT NULL REFERENCES hazard(id),
  atMs        INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('REGISTER', 'UPDATE', 'START', 'EXTEND', 'SUBMIT', 'REINSPECT_PASS', 'REINSPECT_FAIL', 'CLOSE', 'REOPEN', 'PLAN', 'APPROVE', 'REPORT')),
  fromStatus  TEXT,
  toStatus    TEXT,
  byName      TEXT NOT NULL,
  note        TEXT
) STRICT;
CREATE INDEX hazard_event_hazard ON hazard_event(hazardId, atMs);
