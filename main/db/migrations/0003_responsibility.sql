-- 全员安全生产责任制 and 两单两卡: versioned responsibility lists per post, templates,
-- acknowledgements, assessments (考核), card sets per front-line post, recitation checks.

-- Templates imported or saved by the enterprise (the built-in ones ship under resources/content).
CREATE TABLE duty_template (
  id          TEXT PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (length(name) > 0),
  source      TEXT NOT NULL CHECK (source IN ('IMPORTED', 'CUSTOM')),
  description TEXT,
  matchJson   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(matchJson)),
  itemsJson   TEXT NOT NULL CHECK (json_valid(itemsJson)),
  createdAtMs INTEGER NOT NULL,
  updatedAtMs INTEGER NOT NULL
) STRICT;

-- A post's responsibility list, versioned by year and revision. A draft is edited;
-- approval fixes it and sets the date it takes effect. Earlier versions stay readable.
CREATE TABLE duty_list (
  id               TEXT PRIMARY KEY,
  postId           TEXT NOT NULL REFERENCES post(id),
  year             INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  revision         INTEGER NOT NULL CHECK (revision >= 0),
  status           TEXT NOT NULL CHECK (status IN ('DRAFT', 'APPROVED')),
  reason           TEXT NOT NULL CHECK (length(reason) > 0),
  templateKey      TEXT,
  effectiveFrom    TEXT,
  approverPersonId TEXT REFERENCES person(id),
  approverName     TEXT,
  approvedAtMs     INTEGER,
  changesJson      TEXT CHECK (changesJson IS NULL OR json_valid(changesJson)),
  createdAtMs      INTEGER NOT NULL,
  updatedAtMs      INTEGER NOT NULL,
  UNIQUE (postId, year, revision),
  CHECK ((status = 'APPROVED') = (effectiveFrom IS NOT NULL AND approverName IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX duty_list_one_draft ON duty_list(postId) WHERE status = 'DRAFT';
CREATE INDEX duty_list_post_effective ON duty_list(postId, status, effectiveFrom);

CREATE TABLE duty_item (
  id                 TEXT PRIMARY KEY,
  listId             TEXT NOT NULL REFERENCES duty_list(id) ON DELETE CASCADE,
  itemNo             INTEGER NOT NULL CHECK (itemNo >= 1),
  content            TEXT NOT NULL CHECK (length(content) > 0),
  category           TEXT NOT NULL CHECK (category IN ('ORGANIZATION', 'RULES', 'TRAINING', 'INVESTMENT', 'RISK', 'HAZARD', 'EMERGENCY', 'ACCIDENT', 'HEALTH', 'CONTRACTOR')),
  legalBasis         TEXT,
  scope              TEXT,
  assessmentStandard TEXT,
  weight             REAL NOT NULL CHECK (weight >= 0 AND weight <= 100),
  UNIQUE (listId, itemNo)
) STRICT;

-- A person's signature for a list version. A new version needs a new one.
CREATE TABLE duty_ack (
  id                    TEXT PRIMARY KEY,
  listId                TEXT NOT NULL REFERENCES duty_list(id),
  personId              TEXT NOT NULL REFERENCES person(id),
  method                TEXT NOT NULL CHECK (method IN ('ON_SCREEN', 'PAPER')),
  signedOn              TEXT NOT NULL,
  signatureAttachmentId TEXT REFERENCES attachment(id),
  sheetAttachmentId     TEXT REFERENCES attachment(id),
  recordedBy            TEXT NOT NULL,
  createdAtMs           INTEGER NOT NULL,
  UNIQUE (listId, personId)
) STRICT;
CREATE INDEX duty_ack_person ON duty_ack(personId);

-- 考核: periods, and per person, per item, the score with the reason for any deduction.
CREATE TABLE assessment_period (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('MONTH', 'QUARTER', 'YEAR')),
  year        INTEGER NOT NULL,
  seq         INTEGER NOT NULL,
  label       TEXT NOT NULL,
  startDate   TEXT NOT NULL,
  endDate     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
  createdAtMs INTEGER NOT NULL,
  UNIQUE (kind, year, seq),
  CHECK (endDate >= startDate)
) STRICT;

-- One person's sheet for one post in one period, scored against the list version in
-- force at the period's end. A veto (一票否决, e.g. after an accident) fails the sheet.
CREATE TABLE assessment_sheet (
  id           TEXT PRIMARY KEY,
  periodId     TEXT NOT NULL REFERENCES assessment_period(id),
  personId     TEXT NOT NULL REFERENCES person(id),
  postId       TEXT NOT NULL REFERENCES post(id),
  listId       TEXT NOT NULL REFERENCES duty_list(id),
  assessorName TEXT NOT NULL,
  assessedOn   TEXT NOT NULL,
  vetoReason   TEXT,
  comment      TEXT,
  updatedAtMs  INTEGER NOT NULL,
  UNIQUE (periodId, personId, postId)
) STRICT;

CREATE TABLE assessment_score (
  sheetId         TEXT NOT NULL REFERENCES assessment_sheet(id) ON DELETE CASCADE,
  itemId          TEXT NOT NULL REFERENCES duty_item(id),
  score           REAL NOT NULL CHECK (score >= 0),
  deductionReason TEXT,
  evidence        TEXT,
  PRIMARY KEY (sheetId, itemId)
) STRICT;

-- 两单两卡 of a front-line post, versioned; the four documents are JSON checked by the contract.
CREATE TABLE card_set (
  id               TEXT PRIMARY KEY,
  postId           TEXT NOT NULL REFERENCES post(id),
  version          INTEGER NOT NULL CHECK (version >= 1),
  status           TEXT NOT NULL CHECK (status IN ('DRAFT', 'APPROVED')),
  libraryKey       TEXT,
  applicableJson   TEXT NOT NULL CHECK (json_valid(applicableJson)),
  ppeJson          TEXT NOT NULL CHECK (json_valid(ppeJson)),
  riskJson         TEXT NOT NULL CHECK (json_valid(riskJson)),
  dutyJson         TEXT NOT NULL CHECK (json_valid(dutyJson)),
  operationJson    TEXT NOT NULL CHECK (json_valid(operationJson)),
  emergencyJson    TEXT NOT NULL CHECK (json_valid(emergencyJson)),
  compiledBy       TEXT,
  reviewedBy       TEXT,
  approvedBy       TEXT,
  publishedOn      TEXT,
  nextReviewOn     TEXT,
  changeReason     TEXT,
  approvedAtMs     INTEGER,
  createdAtMs      INTEGER NOT NULL,
  updatedAtMs      INTEGER NOT NULL,
  UNIQUE (postId, version),
  CHECK ((status = 'APPROVED') = (approvedBy IS NOT NULL AND publishedOn IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX card_set_one_draft ON card_set(postId) WHERE status = 'DRAFT';
CREATE INDEX card_set_post ON card_set(postId, status, version);

CREATE TABLE card_ack (
  id                    TEXT PRIMARY KEY,
  cardSetId             TEXT NOT NULL REFERENCES card_set(id),
  personId              TEXT NOT NULL REFERENCES person(id),
  method                TEXT NOT NULL CHECK (method IN ('ON_SCREEN', 'PAPER')),
  signedOn              TEXT NOT NULL,
  signatureAttachmentId TEXT REFERENCES attachment(id),
  recordedBy            TEXT NOT NULL,
  createdAtMs           INTEGER NOT NULL,
  UNIQUE (cardSetId, personId)
) STRICT;
CREATE INDEX card_ack_person ON card_ack(personId);

-- 抽查: can the worker recite the post's risks, duties, steps and emergency actions?
CREATE TABLE card_check (
  id          TEXT PRIMARY KEY,
  cardSetId   TEXT NOT NULL REFERENCES card_set(id),
  personId    TEXT NOT NULL REFERENCES person(id),
  checkedOn   TEXT NOT NULL,
  checkerName TEXT NOT NULL,
  passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
  notes       TEXT,
  createdAtMs INTEGER NOT NULL
) STRICT;
CREATE INDEX card_check_set ON card_check(cardSetId, checkedOn);
