-- safeledger:foreign-keys-off
-- 应急预案与演练、教育培训: emergency plans with versions, filing (备案) and
-- revision triggers; 应急处置卡 for key posts; the annual drill plan, drill
-- records with sign-in, timeline, AQ/T 9009 evaluation and summary; the annual
-- training plan, sessions and attendance (一人一档 is derived from these).
--
-- The attachment table is rebuilt (foreign keys off, checked afterwards) so it
-- can also hold drill videos (MP4) and Word documents of plans.

CREATE TABLE attachment_new (
  id           TEXT PRIMARY KEY,
  sha256       TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  mimeType     TEXT NOT NULL CHECK (mimeType IN ('image/png', 'image/jpeg', 'application/pdf', 'video/mp4',
                 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  sizeBytes    INTEGER NOT NULL CHECK (sizeBytes > 0 AND sizeBytes <= 524288000),
  originalName TEXT NOT NULL,
  widthPx      INTEGER,
  heightPx     INTEGER,
  createdAtMs  INTEGER NOT NULL
) STRICT;
INSERT INTO attachment_new (id, sha256, mimeType, sizeBytes, originalName, widthPx, heightPx, createdAtMs)
  SELECT id, sha256, mimeType, sizeBytes, originalName, widthPx, heightPx, createdAtMs FROM attachment;
DROP TABLE attachment;
ALTER TABLE attachment_new RENAME TO attachment;

-- ---- 应急预案 ----

-- A plan's identity; its content and dates live in versions.
CREATE TABLE emergency_plan (
  id           TEXT PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  name         TEXT NOT NULL CHECK (length(name) > 0),
  planType     TEXT NOT NULL CHECK (planType IN ('COMPREHENSIVE', 'SPECIFIC', 'ONSITE')),
  -- 专项预案 and 现场处置方案 usually sit under the 综合预案.
  parentId     TEXT REFERENCES emergency_plan(id),
  -- GB 6441 accident types the plan covers, e.g. ["火灾","触电"].
  accidentTypesJson TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(accidentTypesJson)),
  unitId       TEXT REFERENCES unit(id),
  archivedAtMs INTEGER,
  createdAtMs  INTEGER NOT NULL,
  updatedAtMs  INTEGER NOT NULL
) STRICT;

-- Posts a 现场处置方案 applies to (key posts that carry its 应急处置卡).
CREATE TABLE emergency_plan_post (
  planId TEXT NOT NULL REFERENCES emergency_plan(id) ON DELETE CASCADE,
  postId TEXT NOT NULL REFERENCES post(id),
  PRIMARY KEY (planId, postId)
) STRICT;

-- One version (修订版) of a plan. DRAFT until issued; the newest issued version
-- is in force and issuing a new one supersedes it. Filing (告知性备案) is due
-- within the configured working days of issue.
CREATE TABLE emergency_plan_version (
  id              TEXT PRIMARY KEY,
  planId          TEXT NOT NULL REFERENCES emergency_plan(id),
  version         TEXT NOT NULL CHECK (length(version) > 0),
  status          TEXT NOT NULL CHECK (status IN ('DRAFT', 'IN_FORCE', 'SUPERSEDED')),
  reviewMethod    TEXT CHECK (reviewMethod IN ('REVIEW', 'ARGUMENT')),
  reviewedOn      TEXT,
  reviewNote      TEXT,
  signedById      TEXT REFERENCES person(id),
  signedOn        TEXT,
  issuedOn        TEXT,
  filedOn         TEXT,
  filingAuthority TEXT,
  filingReceiptNo TEXT,
  nextRevisionOn  TEXT,
  changeSummary   TEXT,
  -- 现场处置方案 content that 应急处置卡 are generated from.
  riskDescription TEXT,
  scenariosJson   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenariosJson)),
  contactsJson    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contactsJson)),
  createdAtMs     INTEGER NOT NULL,
  updatedAtMs     INTEGER NOT NULL,
  UNIQUE (planId, version),
  CHECK (filedOn IS NULL OR (issuedOn IS NOT NULL AND filedOn >= issuedOn)),
  CHECK (status = 'DRAFT' OR issuedOn IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX emergency_plan_version_draft ON emergency_plan_version(planId) WHERE status = 'DRAFT';
CREATE UNIQUE INDEX emergency_plan_version_in_force ON emergency_plan_version(planId) WHERE status = 'IN_FORCE';

-- Why a plan must be revised (应急条例 第六条 / 预案管理办法 第三十六条), and
-- the revision task that follows; closed by the version that dealt with it.
CREATE TABLE emergency_plan_trigger (
  id               TEXT PRIMARY KEY,
  planId           TEXT NOT NULL REFERENCES emergency_plan(id),
  kind             TEXT NOT NULL CHECK (kind IN ('LAW', 'ORGANISATION', 'RISK', 'RESOURCE', 'DRILL', 'INCIDENT', 'OTHER')),
  occurredOn       TEXT NOT NULL,
  description      TEXT NOT NULL CHECK (length(description) > 0),
  dueOn            TEXT,
  ownerId          TEXT REFERENCES person(id),
  drillId          TEXT REFERENCES drill(id),
  resolvedVersionId TEXT REFERENCES emergency_plan_version(id),
  resolvedOn       TEXT,
  createdAtMs      INTEGER NOT NULL
) STRICT;
CREATE INDEX emergency_plan_trigger_plan ON emergency_plan_trigger(planId, resolvedOn);

-- 应急处置卡 of a key post, generated from a 现场处置方案 and then edited.
CREATE TABLE emergency_card (
  id            TEXT PRIMARY KEY,
  postId        TEXT NOT NULL REFERENCES post(id),
  planId        TEXT NOT NULL REFERENCES emergency_plan(id),
  title         TEXT NOT NULL CHECK (length(title) > 0),
  scenariosJson TEXT NOT NULL CHECK (json_valid(scenariosJson)),
  contactsJson  TEXT NOT NULL CHECK (json_valid(contactsJson)),
  revision      INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  sourceVersion TEXT NOT NULL,
  createdAtMs   INTEGER NOT NULL,
  updatedAtMs   INTEGER NOT NULL,
  UNIQUE (postId, planId)
) STRICT;

-- ---- 应急演练 ----

CREATE TABLE drill_plan_item (
  id              TEXT PRIMARY KEY,
  year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  planId          TEXT NOT NULL REFERENCES emergency_plan(id),
  scenario        TEXT NOT NULL CHECK (length(scenario) > 0),
  scope           TEXT NOT NULL CHECK (scope IN ('FULL', 'SINGLE')),
  form            TEXT NOT NULL CHECK (form IN ('LIVE', 'TABLETOP')),
  plannedMonth    INTEGER NOT NULL CHECK (plannedMonth BETWEEN 1 AND 12),
  organiserUnitId TEXT NOT NULL REFERENCES unit(id),
  participants    TEXT NOT NULL CHECK (length(participants) > 0),
  budget          REAL CHECK (budget IS NULL OR budget >= 0),
  cancelledReason TEXT,
  notes           TEXT,
  createdAtMs     INTEGER NOT NULL,
  updatedAtMs     INTEGER NOT NULL
) STRICT;
CREATE INDEX drill_plan_item_year ON drill_plan_item(year, plannedMonth);

-- Who compiled and approved a year's drill plan (the table's signature block).
CREATE TABLE drill_year_plan (
  year         INTEGER PRIMARY KEY,
  compiledBy   TEXT,
  approvedById TEXT REFERENCES person(id),
  approvedOn   TEXT,
  updatedAtMs  INTEGER NOT NULL
) STRICT;

CREATE TABLE drill (
  id                  TEXT PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  planItemId          TEXT UNIQUE REFERENCES drill_plan_item(id),
  planId              TEXT NOT NULL REFERENCES emergency_plan(id),
  title               TEXT NOT NULL CHECK (length(title) > 0),
  scope               TEXT NOT NULL CHECK (scope IN ('FULL', 'SINGLE')),
  form                TEXT NOT NULL CHECK (form IN ('LIVE', 'TABLETOP')),
  purpose             TEXT NOT NULL DEFAULT 'TEST' CHECK (purpose IN ('TEST', 'DEMONSTRATION', 'RESEARCH')),
  drillDate           TEXT NOT NULL,
  startTime           TEXT NOT NULL,
  endTime             TEXT NOT NULL,
  place               TEXT NOT NULL CHECK (length(place) > 0),
  commanderId         TEXT REFERENCES person(id),
  commanderName       TEXT NOT NULL CHECK (length(commanderName) > 0),
  organiserUnitId     TEXT NOT NULL REFERENCES unit(id),
  scenario            TEXT NOT NULL CHECK (length(scenario) > 0),
  resourcesUsed       TEXT,
  observers           TEXT,
  interruptions       TEXT,
  reportedOn          TEXT,
  reportedTo          TEXT,
  signInAttachmentId  TEXT REFERENCES attachment(id),
  createdAtMs         INTEGER NOT NULL,
  updatedAtMs         INTEGER NOT NULL,
  CHECK (endTime >= startTime),
  CHECK (reportedOn IS NULL OR reportedOn >= drillDate)
) STRICT;
CREATE INDEX drill_date ON drill(drillDate);
CREATE INDEX drill_plan ON drill(planId, drillDate);

-- Participants: people of the enterprise (personId) or outsiders (name only).
CREATE TABLE drill_participant (
  id                    TEXT PRIMARY KEY,
  drillId               TEXT NOT NULL REFERENCES drill(id) ON DELETE CASCADE,
  personId              TEXT REFERENCES person(id),
  name                  TEXT NOT NULL CHECK (length(name) > 0),
  role                  TEXT,
  signMethod            TEXT CHECK (signMethod IN ('ON_SCREEN', 'PAPER')),
  signatureAttachmentId TEXT REFERENCES attachment(id)
) STRICT;
CREATE UNIQUE INDEX drill_participant_person ON drill_participant(drillId, personId) WHERE personId IS NOT NULL;
-- The partial index above cannot serve "all participants of a drill" (outsiders have no personId):
-- without this one the drill list's head counts and every cascade delete scan the whole table.
CREATE INDEX drill_participant_drill ON drill_participant(drillId);
CREATE INDEX drill_participant_by_person ON drill_participant(personId);

-- The script as it ran: time, action, who.
CREATE TABLE drill_step (
  drillId TEXT NOT NULL REFERENCES drill(id) ON DELETE CASCADE,
  seq     INTEGER NOT NULL CHECK (seq >= 1),
  time    TEXT NOT NULL,
  action  TEXT NOT NULL CHECK (length(action) > 0),
  actor   TEXT,
  PRIMARY KEY (drillId, seq)
) STRICT;

-- 演练评估 after AQ/T 9009: per-point ratings, and the conclusion.
CREATE TABLE drill_evaluation (
  drillId            TEXT PRIMARY KEY REFERENCES drill(id) ON DELETE CASCADE,
  evaluatedOn        TEXT NOT NULL,
  evaluators         TEXT NOT NULL CHECK (length(evaluators) > 0),
  onSiteComments     TEXT,
  preparation        TEXT,
  performance        TEXT,
  pointsJson         TEXT NOT NULL CHECK (json_valid(pointsJson)),
  objectivesMet      INTEGER NOT NULL CHECK (objectivesMet IN (0, 1)),
  overall            TEXT NOT NULL CHECK (overall IN ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')),
  needsPlanRevision  INTEGER NOT NULL CHECK (needsPlanRevision IN (0, 1)),
  revisionReason     TEXT,
  createdAtMs        INTEGER NOT NULL,
  updatedAtMs        INTEGER NOT NULL
) STRICT;

-- Problems the evaluation found; each can become a hazard or a revision task.
CREATE TABLE drill_problem (
  id          TEXT PRIMARY KEY,
  drillId     TEXT NOT NULL REFERENCES drill(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  description TEXT NOT NULL CHECK (length(description) > 0),
  cause       TEXT,
  suggestion  TEXT,
  hazardId    TEXT REFERENCES hazard(id),
  triggerId   TEXT REFERENCES emergency_plan_trigger(id),
  UNIQUE (drillId, seq)
) STRICT;
CREATE INDEX drill_problem_hazard ON drill_problem(hazardId) WHERE hazardId IS NOT NULL;

-- 演练总结报告.
CREATE TABLE drill_summary (
  drillId      TEXT PRIMARY KEY REFERENCES drill(id) ON DELETE CASCADE,
  purpose      TEXT NOT NULL CHECK (length(purpose) > 0),
  schemeSummary TEXT NOT NULL CHECK (length(schemeSummary) > 0),
  lessons      TEXT,
  improvements TEXT,
  writtenBy    TEXT NOT NULL CHECK (length(writtenBy) > 0),
  writtenOn    TEXT NOT NULL,
  updatedAtMs  INTEGER NOT NULL
) STRICT;

-- ---- 教育培训 ----

CREATE TABLE training_plan_item (
  id              TEXT PRIMARY KEY,
  year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title           TEXT NOT NULL CHECK (length(title) > 0),
  type            TEXT NOT NULL,
  audience        TEXT NOT NULL CHECK (length(audience) > 0),
  plannedMonth    INTEGER NOT NULL CHECK (plannedMonth BETWEEN 1 AND 12),
  hours           REAL NOT NULL CHECK (hours > 0),
  organiserUnitId TEXT REFERENCES unit(id),
  notes           TEXT,
  createdAtMs     INTEGER NOT NULL,
  updatedAtMs     INTEGER NOT NULL
) STRICT;
CREATE INDEX training_plan_item_year ON training_plan_item(year, plannedMonth);

CREATE TABLE training_session (
  id              TEXT PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  planItemId      TEXT REFERENCES training_plan_item(id),
  title           TEXT NOT NULL CHECK (length(title) > 0),
  type            TEXT NOT NULL CHECK (type IN ('INDUCTION_COMPANY', 'INDUCTION_WORKSHOP', 'INDUCTION_TEAM', 'ROUTINE', 'SPECIAL',
                    'REFRESHER', 'SPECIAL_OPERATION', 'CARDS', 'EMERGENCY')),
  sessionDate     TEXT NOT NULL,
  hours           REAL NOT NULL CHECK (hours > 0 AND hours <= 200),
  trainer         TEXT NOT NULL CHECK (length(trainer) > 0),
  location        TEXT,
  organiserUnitId TEXT REFERENCES unit(id),
  content         TEXT,
  examMethod      TEXT NOT NULL DEFAULT 'NONE' CHECK (examMethod IN ('NONE', 'WRITTEN', 'ORAL', 'PRACTICAL')),
  passScore       REAL,
  -- Units whose people are expected (printed on the sign-in sheet).
  audienceUnitIdsJson TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(audienceUnitIdsJson)),
  signInAttachmentId TEXT REFERENCES attachment(id),
  effectNote      TEXT,
  createdAtMs     INTEGER NOT NULL,
  updatedAtMs     INTEGER NOT NULL
) STRICT;
CREATE INDEX training_session_date ON training_session(sessionDate);
CREATE INDEX training_session_type ON training_session(type, sessionDate);
-- Sessions per annual plan item (the plan's done/missed state).
CREATE INDEX training_session_plan_item ON training_session(planItemId) WHERE planItemId IS NOT NULL;

CREATE TABLE training_attendance (
  sessionId             TEXT NOT NULL REFERENCES training_session(id) ON DELETE CASCADE,
  personId              TEXT NOT NULL REFERENCES person(id),
  signMethod            TEXT NOT NULL CHECK (signMethod IN ('ON_SCREEN', 'PAPER')),
  signatureAttachmentId TEXT REFERENCES attachment(id),
  examScore             REAL CHECK (examScore IS NULL OR (examScore >= 0 AND examScore <= 100)),
  passed                INTEGER CHECK (passed IN (0, 1)),
  createdAtMs           INTEGER NOT NULL,
  PRIMARY KEY (sessionId, personId)
) STRICT, WITHOUT ROWID;
CREATE INDEX training_attendance_person ON training_attendance(personId, sessionId);
