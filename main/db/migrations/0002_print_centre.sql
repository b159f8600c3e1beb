-- Print centre: attachments stored by content hash, the register of generated
-- documents, board members, commitment letters and target responsibility agreements.

-- Files live in attachments/<first 2 hex>/<sha256>; a row per distinct content.
CREATE TABLE attachment (
  id           TEXT PRIMARY KEY,
  sha256       TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  mimeType     TEXT NOT NULL CHECK (mimeType IN ('image/png', 'image/jpeg', 'application/pdf')),
  sizeBytes    INTEGER NOT NULL CHECK (sizeBytes > 0 AND sizeBytes <= 20971520),
  originalName TEXT NOT NULL,
  widthPx      INTEGER,
  heightPx     INTEGER,
  createdAtMs  INTEGER NOT NULL
) STRICT;

-- Which record an attachment belongs to, and as what (photo, scan, evidence…).
CREATE TABLE attachment_link (
  id           TEXT PRIMARY KEY,
  attachmentId TEXT NOT NULL REFERENCES attachment(id),
  entityType   TEXT NOT NULL,
  entityId     TEXT NOT NULL,
  role         TEXT NOT NULL,
  note         TEXT,
  createdAtMs  INTEGER NOT NULL
) STRICT;
CREATE INDEX attachment_link_entity ON attachment_link(entityType, entityId, role);

ALTER TABLE person ADD COLUMN photoAttachmentId TEXT REFERENCES attachment(id);

-- Responsible persons shown on the 多牌合一 board besides the principal and the deputy.
CREATE TABLE board_member (
  id          TEXT PRIMARY KEY,
  personId    TEXT NOT NULL REFERENCES person(id),
  role        TEXT NOT NULL CHECK (length(role) > 0),
  sortOrder   INTEGER NOT NULL DEFAULT 0,
  createdAtMs INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX board_member_person ON board_member(personId);

-- Every PDF that left the app (saved, opened for printing, exported): what it was
-- built from, so a fingerprint read off paper can be traced and checked. Append-only.
CREATE TABLE generated_document (
  id           TEXT PRIMARY KEY,
  type         TEXT NOT NULL,
  title        TEXT NOT NULL,
  layoutVersion TEXT NOT NULL,
  paramsJson   TEXT NOT NULL CHECK (json_valid(paramsJson)),
  fingerprint  TEXT NOT NULL CHECK (length(fingerprint) = 12),
  dataHash     TEXT NOT NULL CHECK (length(dataHash) = 64),
  dataJson     TEXT NOT NULL CHECK (json_valid(dataJson)),
  pageCount    INTEGER NOT NULL,
  sizeBytes    INTEGER NOT NULL,
  paperLabel   TEXT NOT NULL,
  outcome      TEXT NOT NULL CHECK (outcome IN ('SAVED', 'OPENED', 'EXPORTED', 'CLI')),
  fileName     TEXT,
  batchId      TEXT,
  generatedOn  TEXT NOT NULL,
  createdAtMs  INTEGER NOT NULL,
  operatorId   TEXT,
  operatorName TEXT NOT NULL
) STRICT;
CREATE INDEX generated_document_fingerprint ON generated_document(fingerprint);
CREATE INDEX generated_document_type ON generated_document(type, createdAtMs);

CREATE TRIGGER generated_document_no_update BEFORE UPDATE ON generated_document
BEGIN
  SELECT RAISE(ABORT, '文件生成登记只能追加，不能修改');
END;
CREATE TRIGGER generated_document_no_delete BEFORE DELETE ON generated_document
BEGIN
  SELECT RAISE(ABORT, '文件生成登记只能追加，不能删除');
END;

-- 安全生产承诺书. A letter is versioned: changing a signed text makes a new version.
CREATE TABLE commitment_letter (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL DEFAULT 'ANNUAL_PRINCIPAL' CHECK (kind IN ('ANNUAL_PRINCIPAL')),
  year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  version        INTEGER NOT NULL CHECK (version >= 1),
  title          TEXT NOT NULL,
  recipient      TEXT,
  signerPersonId TEXT NOT NULL REFERENCES person(id),
  content        TEXT NOT NULL CHECK (length(content) > 0),
  contentHash    TEXT NOT NULL CHECK (length(contentHash) = 64),
  changeReason   TEXT,
  createdAtMs    INTEGER NOT NULL,
  updatedAtMs    INTEGER NOT NULL,
  UNIQUE (kind, year, version)
) STRICT;

CREATE TABLE commitment_signature (
  id                    TEXT PRIMARY KEY,
  letterId              TEXT NOT NULL UNIQUE REFERENCES commitment_letter(id),
  signerPersonId        TEXT NOT NULL REFERENCES person(id),
  signerName            TEXT NOT NULL,
  method                TEXT NOT NULL CHECK (method IN ('ON_SCREEN', 'WET_SCAN')),
  signedOn              TEXT NOT NULL,
  signedAtMs            INTEGER NOT NULL,
  contentHash           TEXT NOT NULL CHECK (length(contentHash) = 64),
  signatureAttachmentId TEXT REFERENCES attachment(id),
  scanAttachmentId      TEXT REFERENCES attachment(id),
  recordedByOperator    TEXT NOT NULL,
  CHECK ((method = 'ON_SCREEN') = (signatureAttachmentId IS NOT NULL)),
  CHECK ((method = 'WET_SCAN') = (scanAttachmentId IS NOT NULL))
) STRICT;

-- 公示 and 报送: when the signed letter was posted and reported; photos are attachment links.
CREATE TABLE commitment_publicity (
  letterId      TEXT PRIMARY KEY REFERENCES commitment_letter(id),
  postedOn      TEXT,
  postedWhere   TEXT,
  reportedOn    TEXT,
  reportedTo    TEXT,
  notes         TEXT,
  updatedAtMs   INTEGER NOT NULL
) STRICT;

-- 目标责任书: one template a year with targets per level, generated in batch and signed level by level.
CREATE TABLE target_agreement_template (
  id            TEXT PRIMARY KEY,
  year          INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
  title         TEXT NOT NULL,
  preamble      TEXT NOT NULL,
  targetsCompanyUnit TEXT NOT NULL,
  targetsUnitTeam    TEXT NOT NULL,
  targetsTeamWorker  TEXT NOT NULL,
  terms         TEXT NOT NULL,
  createdAtMs   INTEGER NOT NULL,
  updatedAtMs   INTEGER NOT NULL
) STRICT;

CREATE TABLE target_agreement (
  id            TEXT PRIMARY KEY,
  templateId    TEXT NOT NULL REFERENCES target_agreement_template(id),
  level         TEXT NOT NULL CHECK (level IN ('COMPANY_UNIT', 'UNIT_TEAM', 'TEAM_WORKER')),
  unitId        TEXT NOT NULL REFERENCES unit(id),
  partyAName    TEXT NOT NULL,
  partyAPersonId TEXT REFERENCES person(id),
  partyBPersonId TEXT NOT NULL REFERENCES person(id),
  content       TEXT NOT NULL,
  contentHash   TEXT NOT NULL CHECK (length(contentHash) = 64),
  createdAtMs   INTEGER NOT NULL,
  UNIQUE (templateId, level, unitId, partyBPersonId)
) STRICT;
CREATE INDEX target_agreement_template_level ON target_agreement(templateId, level);

CREATE TABLE target_agreement_signature (
  id            TEXT PRIMARY KEY,
  agreementId   TEXT NOT NULL REFERENCES target_agreement(id),
  party         TEXT NOT NULL CHECK (party IN ('A', 'B')),
  signerPersonId TEXT REFERENCES person(id),
  signerName    TEXT NOT NULL,
  method        TEXT NOT NULL CHECK (method IN ('ON_SCREEN', 'WET_SCAN')),
  signedOn      TEXT NOT NULL,
  signedAtMs    INTEGER NOT NULL,
  contentHash   TEXT NOT NULL CHECK (length(contentHash) = 64),
  signatureAttachmentId TEXT REFERENCES attachment(id),
  scanAttachmentId TEXT REFERENCES attachment(id),
  recordedByOperator TEXT NOT NULL,
  UNIQUE (agreementId, party)
) STRICT;
