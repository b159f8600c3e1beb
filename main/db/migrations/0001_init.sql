-- SafeLedger schema v1: settings, operators, enterprise, organisation, posts, people,
-- certificates and the append-only audit log.
-- Instants are INTEGER epoch ms (…AtMs); calendar dates are TEXT YYYY-MM-DD.

CREATE TABLE app_setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE operator (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  title       TEXT,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  createdAtMs INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX operator_name ON operator(name);

CREATE TABLE unit (
  id           TEXT PRIMARY KEY,
  parentId     TEXT REFERENCES unit(id),
  name         TEXT NOT NULL CHECK (length(name) > 0),
  kind         TEXT NOT NULL CHECK (kind IN ('COMPANY', 'DEPARTMENT', 'WORKSHOP', 'TEAM')),
  headPersonId TEXT REFERENCES person(id),
  phone        TEXT,
  sortOrder    INTEGER NOT NULL DEFAULT 0,
  notes        TEXT,
  createdAtMs  INTEGER NOT NULL,
  updatedAtMs  INTEGER NOT NULL,
  CHECK ((kind = 'COMPANY') = (parentId IS NULL))
) STRICT;
CREATE UNIQUE INDEX unit_sibling_name ON unit(ifnull(parentId, ''), name);
CREATE UNIQUE INDEX unit_single_company ON unit(kind) WHERE kind = 'COMPANY';
CREATE INDEX unit_parent ON unit(parentId);

CREATE TABLE enterprise (
  id                   TEXT PRIMARY KEY,
  singleton            INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
  name                 TEXT NOT NULL CHECK (length(name) > 0),
  creditCode           TEXT,
  industry             TEXT NOT NULL CHECK (industry IN ('INDUSTRY_TRADE', 'HAZARDOUS_CHEMICALS', 'CONSTRUCTION', 'MINING', 'TRANSPORT', 'OTHER')),
  industrySector       TEXT CHECK (industrySector IN ('METALLURGY', 'NONFERROUS', 'BUILDING_MATERIALS', 'MACHINERY', 'LIGHT_INDUSTRY', 'TEXTILE', 'TOBACCO', 'COMMERCE', 'OTHER')),
  address              TEXT,
  legalRepresentative  TEXT,
  principalPersonId    TEXT REFERENCES person(id),
  safetyDeputyPersonId TEXT REFERENCES person(id),
  safetyDeptUnitId     TEXT REFERENCES unit(id),
  regulatorName        TEXT,
  regulatorPhone       TEXT,
  gridMemberName       TEXT,
  gridMemberPhone      TEXT,
  dutyPhone            TEXT,
  internalReportPhone  TEXT,
  reportHotline        TEXT NOT NULL DEFAULT '12350',
  timeZone             TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  isDemo               INTEGER NOT NULL DEFAULT 0 CHECK (isDemo IN (0, 1)),
  createdAtMs          INTEGER NOT NULL,
  updatedAtMs          INTEGER NOT NULL
) STRICT;

CREATE TABLE cert_type (
  id                  TEXT PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL UNIQUE,
  validityYears       INTEGER CHECK (validityYears IS NULL OR validityYears > 0),
  reviewIntervalYears INTEGER CHECK (reviewIntervalYears IS NULL OR reviewIntervalYears > 0),
  reviewWindowDays    INTEGER NOT NULL DEFAULT 0 CHECK (reviewWindowDays >= 0),
  authority           TEXT,
  notes               TEXT,
  builtin             INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  sortOrder           INTEGER NOT NULL DEFAULT 0,
  createdAtMs         INTEGER NOT NULL,
  updatedAtMs         INTEGER NOT NULL
) STRICT;

-- Default rules (data, editable in 系统设置 → 证书类型):
-- 特种作业操作证: valid 6 years, reviewed every 3 years, apply within 60 days before (安监总局令第30号).
-- 特种设备作业人员证: valid 4 years, renewal applied for 1 month before expiry.
-- 主要负责人/安全管理人员 合格证: valid 3 years, annual refresher training.
INSERT INTO cert_type (id, code, name, validityYears, reviewIntervalYears, reviewWindowDays, authority, notes, builtin, sortOrder, createdAtMs, updatedAtMs) VALUES
  ('00000000-0000-7000-8000-000000000001', 'SPECIAL_OPERATION', '特种作业操作证', 6, 3, 60, '应急管理部门', '有效期 6 年，每 3 年复审一次，复审应在到期前 60 日内申请', 1, 1, 0, 0),
  ('00000000-0000-7000-8000-000000000002', 'SPECIAL_EQUIPMENT', '特种设备作业人员证', 4, NULL, 30, '市场监督管理部门', '有效期 4 年，期满前 1 个月申请复审', 1, 2, 0, 0),
  ('00000000-0000-7000-8000-000000000003', 'SAFETY_QUALIFICATION', '主要负责人/安全管理人员安全生产知识和管理能力考核合格证', 3, NULL, 90, '应急管理部门', '有效期 3 年，每年接受再培训', 1, 3, 0, 0),
  ('00000000-0000-7000-8000-000000000004', 'OTHER', '其他证书', NULL, NULL, 30, NULL, NULL, 1, 9, 0, 0);

CREATE TABLE post (
  id                   TEXT PRIMARY KEY,
  name                 TEXT NOT NULL CHECK (length(name) > 0),
  unitId               TEXT NOT NULL REFERENCES unit(id),
  trade                TEXT,
  category             TEXT NOT NULL CHECK (category IN ('FRONTLINE', 'MANAGEMENT')),
  isSpecialOperation   INTEGER NOT NULL DEFAULT 0 CHECK (isSpecialOperation IN (0, 1)),
  requiredCertTypeId   TEXT REFERENCES cert_type(id),
  requiredCertCategory TEXT,
  notes                TEXT,
  archivedAtMs         INTEGER,
  createdAtMs          INTEGER NOT NULL,
  updatedAtMs          INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX post_unit_name ON post(unitId, name);

CREATE TABLE person (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(name) > 0),
  staffNo        TEXT NOT NULL UNIQUE,
  unitId         TEXT NOT NULL REFERENCES unit(id),
  employmentType TEXT NOT NULL CHECK (employmentType IN ('REGULAR', 'DISPATCHED', 'FLEXIBLE', 'INTERN', 'CONTRACTOR')),
  employerName   TEXT,
  gender         TEXT CHECK (gender IN ('M', 'F')),
  jobTitle       TEXT,
  phone          TEXT,
  hireDate       TEXT,
  status         TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'LEFT')),
  leftDate       TEXT,
  idNumber       TEXT,
  notes          TEXT,
  createdAtMs    INTEGER NOT NULL,
  updatedAtMs    INTEGER NOT NULL,
  CHECK (leftDate IS NULL OR hireDate IS NULL OR leftDate >= hireDate)
) STRICT;
CREATE UNIQUE INDEX person_id_number ON person(idNumber) WHERE idNumber IS NOT NULL;
CREATE INDEX person_unit ON person(unitId, status);
CREATE INDEX person_name ON person(name);

CREATE TABLE person_post (
  id        TEXT PRIMARY KEY,
  personId  TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  postId    TEXT NOT NULL REFERENCES post(id),
  startDate TEXT NOT NULL,
  endDate   TEXT,
  CHECK (endDate IS NULL OR endDate >= startDate)
) STRICT;
CREATE INDEX person_post_person ON person_post(personId, endDate);
CREATE INDEX person_post_post ON person_post(postId, endDate);

CREATE TABLE person_status_event (
  id          TEXT PRIMARY KEY,
  personId    TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  status      TEXT NOT NULL CHECK (status IN ('ACTIVE', 'LEFT')),
  date        TEXT NOT NULL,
  reason      TEXT,
  createdAtMs INTEGER NOT NULL
) STRICT;
CREATE INDEX person_status_event_person ON person_status_event(personId, date);

CREATE TABLE certificate (
  id                  TEXT PRIMARY KEY,
  personId            TEXT NOT NULL REFERENCES person(id),
  certTypeId          TEXT NOT NULL REFERENCES cert_type(id),
  category            TEXT,
  number              TEXT NOT NULL,
  issuer              TEXT,
  issueDate           TEXT NOT NULL,
  expiryDate          TEXT,
  lastReviewDate      TEXT,
  -- Derived from the type's rule on every write and when the rule changes.
  effectiveExpiryDate TEXT,
  nextReviewDate      TEXT,
  dueDate             TEXT,
  status              TEXT NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID', 'REVOKED')),
  revokedReason       TEXT,
  notes               TEXT,
  createdAtMs         INTEGER NOT NULL,
  updatedAtMs         INTEGER NOT NULL,
  CHECK (expiryDate IS NULL OR expiryDate > issueDate),
  CHECK (lastReviewDate IS NULL OR lastReviewDate >= issueDate)
) STRICT;
CREATE UNIQUE INDEX certificate_type_number ON certificate(certTypeId, number);
CREATE INDEX certificate_due ON certificate(status, dueDate);
CREATE INDEX certificate_person ON certificate(personId);

CREATE TABLE cert_review (
  id            TEXT PRIMARY KEY,
  certificateId TEXT NOT NULL REFERENCES certificate(id) ON DELETE CASCADE,
  reviewDate    TEXT NOT NULL,
  result        TEXT NOT NULL CHECK (result IN ('PASSED', 'FAILED')),
  notes         TEXT,
  createdAtMs   INTEGER NOT NULL
) STRICT;
CREATE INDEX cert_review_certificate ON cert_review(certificateId, reviewDate);

-- Append-only: who did what, when, with the record before and after.
CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  atMs         INTEGER NOT NULL,
  operatorId   TEXT,
  operatorName TEXT NOT NULL,
  channel      TEXT NOT NULL CHECK (channel IN ('UI', 'CLI', 'SYSTEM')),
  action       TEXT NOT NULL,
  entityType   TEXT NOT NULL,
  entityId     TEXT,
  summary      TEXT NOT NULL,
  beforeJson   TEXT CHECK (beforeJson IS NULL OR json_valid(beforeJson)),
  afterJson    TEXT CHECK (afterJson IS NULL OR json_valid(afterJson))
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entityType, entityId);
CREATE INDEX audit_log_at ON audit_log(atMs);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '操作日志只能追加，不能修改');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '操作日志只能追加，不能删除');
END;
