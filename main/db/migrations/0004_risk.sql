-- 风险辨识与分级管控: scoring profiles as data, the risk register (risk points with
-- hazard factors, control measures and assessment history), site plans with areas
-- for the four-colour map.

-- A scoring method's tables and bands (LEC or the LS matrix), editable; every edit
-- bumps the version so an assessment can say which tables produced its level.
CREATE TABLE risk_profile (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  method      TEXT NOT NULL CHECK (method IN ('LEC', 'LS')),
  configJson  TEXT NOT NULL CHECK (json_valid(configJson)),
  version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  isDefault   INTEGER NOT NULL DEFAULT 0 CHECK (isDefault IN (0, 1)),
  createdAtMs INTEGER NOT NULL,
  updatedAtMs INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX risk_profile_one_default ON risk_profile(method) WHERE isDefault = 1;

CREATE TABLE risk_point (
  id                  TEXT PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  name                TEXT NOT NULL CHECK (length(name) > 0),
  kind                TEXT NOT NULL CHECK (kind IN ('AREA', 'EQUIPMENT', 'ACTIVITY')),
  location            TEXT,
  unitId              TEXT NOT NULL REFERENCES unit(id),
  controlLevel        TEXT NOT NULL CHECK (controlLevel IN ('COMPANY', 'DEPARTMENT', 'TEAM', 'POST')),
  respUnitId          TEXT REFERENCES unit(id),
  respPersonId        TEXT REFERENCES person(id),
  identifiedOn        TEXT NOT NULL,
  nextReviewOn        TEXT,
  -- DRAFT while being identified; ACTIVE once approved as final; ARCHIVED when no longer in use.
  status              TEXT NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
  approvedBy          TEXT,
  approvedOn          TEXT,
  libraryKey          TEXT,
  notes               TEXT,
  -- Denormalised from the newest assessment, for fast lists and maps.
  currentAssessmentId TEXT,
  level               TEXT CHECK (level IS NULL OR level IN ('MAJOR', 'HIGH', 'MEDIUM', 'LOW')),
  createdAtMs         INTEGER NOT NULL,
  updatedAtMs         INTEGER NOT NULL,
  CHECK ((status = 'DRAFT') OR (approvedBy IS NOT NULL AND approvedOn IS NOT NULL))
) STRICT;
CREATE INDEX risk_point_unit ON risk_point(unitId, status);
CREATE INDEX risk_point_level ON risk_point(status, level);
CREATE INDEX risk_point_review ON risk_point(status, nextReviewOn);

CREATE TABLE risk_point_post (
  riskPointId TEXT NOT NULL REFERENCES risk_point(id) ON DELETE CASCADE,
  postId      TEXT NOT NULL REFERENCES post(id),
  PRIMARY KEY (riskPointId, postId)
) STRICT;
CREATE INDEX risk_point_post_post ON risk_point_post(postId);

-- 危险有害因素 (人/物/环境/管理) with the accidents each can lead to (GB 6441).
CREATE TABLE hazard_factor (
  id                TEXT PRIMARY KEY,
  riskPointId       TEXT NOT NULL REFERENCES risk_point(id) ON DELETE CASCADE,
  seq               INTEGER NOT NULL CHECK (seq >= 1),
  description       TEXT NOT NULL CHECK (length(description) > 0),
  category          TEXT NOT NULL CHECK (category IN ('PERSON', 'MATERIAL', 'ENVIRONMENT', 'MANAGEMENT')),
  accidentTypesJson TEXT NOT NULL CHECK (json_valid(accidentTypesJson)),
  UNIQUE (riskPointId, seq)
) STRICT;

-- 管控措施, grouped by kind; ids stay stable across edits so check items can point at them.
CREATE TABLE control_measure (
  id          TEXT PRIMARY KEY,
  riskPointId TEXT NOT NULL REFERENCES risk_point(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  category    TEXT NOT NULL CHECK (category IN ('ENGINEERING', 'MANAGEMENT', 'TRAINING', 'PPE', 'EMERGENCY')),
  content     TEXT NOT NULL CHECK (length(content) > 0),
  createdAtMs INTEGER NOT NULL,
  updatedAtMs INTEGER NOT NULL
) STRICT;
CREATE INDEX control_measure_point ON control_measure(riskPointId, seq);

-- Every assessment is kept: which method and profile (and its version) produced which level.
CREATE TABLE risk_assessment (
  id             TEXT PRIMARY KEY,
  riskPointId    TEXT NOT NULL REFERENCES risk_point(id) ON DELETE CASCADE,
  method         TEXT NOT NULL CHECK (method IN ('LEC', 'LS', 'DIRECT')),
  profileId      TEXT REFERENCES risk_profile(id),
  profileName    TEXT,
  profileVersion INTEGER,
  valuesJson     TEXT NOT NULL CHECK (json_valid(valuesJson)),
  score          REAL,
  level          TEXT NOT NULL CHECK (level IN ('MAJOR', 'HIGH', 'MEDIUM', 'LOW')),
  bandLabel      TEXT,
  directReason   TEXT,
  residualNote   TEXT,
  assessedOn     TEXT NOT NULL,
  assessorName   TEXT NOT NULL,
  createdAtMs    INTEGER NOT NULL,
  CHECK ((method = 'DIRECT') = (directReason IS NOT NULL)),
  CHECK (method = 'DIRECT' OR profileId IS NOT NULL)
) STRICT;
CREATE INDEX risk_assessment_point ON risk_assessment(riskPointId, createdAtMs);

-- 四色分布图: a site plan image with polygons and markers, each covering risk points.
CREATE TABLE site_plan (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) > 0),
  attachmentId TEXT NOT NULL REFERENCES attachment(id),
  compiledBy   TEXT,
  reviewedBy   TEXT,
  approvedBy   TEXT,
  mapDate      TEXT,
  createdAtMs  INTEGER NOT NULL,
  updatedAtMs  INTEGER NOT NULL
) STRICT;

CREATE TABLE risk_area (
  id         TEXT PRIMARY KEY,
  planId     TEXT NOT NULL REFERENCES site_plan(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('POLYGON', 'MARKER')),
  label      TEXT NOT NULL CHECK (length(label) > 0),
  -- Points as fractions of the image's width and height: [[x, y], …].
  pointsJson TEXT NOT NULL CHECK (json_valid(pointsJson)),
  seq        INTEGER NOT NULL
) STRICT;
CREATE INDEX risk_area_plan ON risk_area(planId, seq);

CREATE TABLE risk_area_point (
  areaId      TEXT NOT NULL REFERENCES risk_area(id) ON DELETE CASCADE,
  riskPointId TEXT NOT NULL REFERENCES risk_point(id),
  PRIMARY KEY (areaId, riskPointId)
) STRICT;
CREATE INDEX risk_area_point_point ON risk_area_point(riskPointId);

-- The default profiles (domain §3); their tables and bands are data the user can edit.
INSERT INTO risk_profile (id, name, method, configJson, version, isDefault, createdAtMs, updatedAtMs) VALUES
  ('01900000-0000-7000-8000-00000000a001', '作业条件危险性评价法（LEC）', 'LEC', '{"L":[{"value":10,"label":"完全可以预料"},{"value":6,"label":"相当可能"},{"value":3,"label":"可能，但不经常"},{"value":1,"label":"可能性小，完全意外"},{"value":0.5,"label":"很不可能，可以设想"},{"value":0.2,"label":"极不可能"},{"value":0.1,"label":"实际不可能"}],"E":[{"value":10,"label":"连续暴露"},{"value":6,"label":"每天工作时间内暴露"},{"value":3,"label":"每周一次或偶然暴露"},{"value":2,"label":"每月一次暴露"},{"value":1,"label":"每年几次暴露"},{"value":0.5,"label":"非常罕见暴露"}],"C":[{"value":100,"label":"大灾难，许多人死亡"},{"value":40,"label":"灾难，数人死亡"},{"value":15,"label":"非常严重，一人死亡"},{"value":7,"label":"严重，重伤"},{"value":3,"label":"重大，致残"},{"value":1,"label":"引人注目，需救护"}],"bands":[{"min":320,"level":"MAJOR","label":"极其危险，不能继续作业"},{"min":160,"level":"HIGH","label":"高度危险，需立即整改"},{"min":70,"level":"MEDIUM","label":"显著危险，需要整改"},{"min":20,"level":"LOW","label":"一般危险，需要注意"},{"min":0,"level":"LOW","label":"稍有危险，可以接受"}],"boundary":"LOWER_INCLUSIVE"}', 1, 1, 0, 0),
  ('01900000-0000-7000-8000-00000000a002', '风险矩阵法（LS 5×5）', 'LS', '{"L":[{"value":5,"label":"经常发生/很可能"},{"value":4,"label":"可能"},{"value":3,"label":"偶尔"},{"value":2,"label":"很少"},{"value":1,"label":"极不可能"}],"S":[{"value":5,"label":"多人死亡/重大损失"},{"value":4,"label":"一人死亡或多人重伤"},{"value":3,"label":"重伤/较大损失"},{"value":2,"label":"轻伤"},{"value":1,"label":"无伤害/轻微"}],"bands":[{"min":20,"level":"MAJOR","label":"重大风险"},{"min":15,"level":"HIGH","label":"较大风险"},{"min":9,"level":"MEDIUM","label":"一般风险"},{"min":0,"level":"LOW","label":"低风险"}],"boundary":"LOWER_INCLUSIVE"}', 1, 1, 0, 0);
