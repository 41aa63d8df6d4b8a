-- 034_partner_api.sql: the signed partner points API (I1) — enterprises, their partners and key pairs (secrets sealed
-- under a key derived from secret.key), the enterprise's own member ids, nonces, per-partner rate counters,
-- idempotency keys, the operations the API wrote to the ledger (three new ledger kinds) and the API call log.

-- api_earn credits a lot (source 'api'); api_spend takes points FIFO from lots like an order's spend (allocations);
-- api_reverse undoes one earlier api_earn (negative: the untouched lot taken back through an allocation) or one
-- api_spend (positive: the points returned to the very lots it used, like an order refund).
ALTER TABLE points_ledger MODIFY kind ENUM('earn','spend','refund','expire','grant','adjust','offline','scan','coupon',
  'api_earn','api_spend','api_reverse') NOT NULL;

-- An enterprise, keyed by the code members.enterprise already holds.
CREATE TABLE enterprises (
  code VARCHAR(64) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;
INSERT INTO enterprises (code, name) SELECT DISTINCT enterprise, enterprise FROM members WHERE enterprise <> '';

-- The enterprise's own id for its member (unique within the enterprise; NULL for members it did not enrol).
ALTER TABLE members ADD COLUMN ext_id VARCHAR(64) NULL,
  ADD UNIQUE KEY by_ext_id (enterprise, ext_id),
  ADD KEY by_enterprise (enterprise, id);

-- A partner system of one enterprise: it sees and credits only that enterprise's members.
CREATE TABLE partners (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  enterprise VARCHAR(64) NOT NULL,
  status ENUM('active','disabled') NOT NULL DEFAULT 'active',
  rate_per_minute INT NOT NULL DEFAULT 600,
  created_by INT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_enterprise (enterprise, id),
  CONSTRAINT fk_partner_enterprise FOREIGN KEY (enterprise) REFERENCES enterprises (code),
  CONSTRAINT partner_rate_range CHECK (rate_per_minute BETWEEN 1 AND 100000)
) ENGINE=InnoDB;

-- Key pairs: several active at once (rotation). secret_enc: the secret, AES-256-GCM under a key derived from
-- secret.key (the HMAC check needs the secret itself); shown to the admin once, when made.
CREATE TABLE partner_keys (
  key_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  partner_id INT NOT NULL,
  secret_enc VARCHAR(300) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  status ENUM('active','revoked') NOT NULL DEFAULT 'active',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  revoked_at DATETIME NULL,
  last_used_at DATETIME NULL,
  created_by INT NOT NULL DEFAULT 0,  -- the admin who made it: only they see the secret, once, within 15 minutes
  shown_at DATETIME NULL,
  KEY by_partner (partner_id, created_at),
  CONSTRAINT fk_key_partner FOREIGN KEY (partner_id) REFERENCES partners (id)
) ENGINE=InnoDB;

-- Nonces seen within the signature window (kept 10 minutes: twice the ±5 minutes a timestamp may be off).
CREATE TABLE api_nonces (
  partner_id INT NOT NULL,
  nonce VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  expires_at DATETIME NOT NULL,
  PRIMARY KEY (partner_id, nonce),
  KEY by_expiry (expires_at)
) ENGINE=InnoDB;

-- Requests per partner per minute, counted in the database (every app machine shares it).
CREATE TABLE api_rate (
  partner_id INT NOT NULL,
  minute DATETIME NOT NULL,
  n INT NOT NULL,
  PRIMARY KEY (partner_id, minute)
) ENGINE=InnoDB;

-- Idempotency-Key of each write: the request's hash and the first answer (status and body), kept 48 hours.
CREATE TABLE api_idempotency (
  partner_id INT NOT NULL,
  idem_key VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  request_sha256 CHAR(64) CHARACTER SET ascii NOT NULL,
  status INT NOT NULL DEFAULT 0,
  body MEDIUMTEXT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  expires_at DATETIME NOT NULL,
  PRIMARY KEY (partner_id, idem_key),
  KEY by_expiry (expires_at)
) ENGINE=InnoDB;

-- What the API wrote to the ledger: one row per api_* entry. ref: the partner's reference, unique per enterprise
-- (NULL on a reverse, which names the operation it undoes in reverses — at most one reverse per operation).
CREATE TABLE api_ops (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id INT NOT NULL,
  enterprise VARCHAR(64) NOT NULL,
  member_id BIGINT NOT NULL,
  kind ENUM('earn','spend','reverse') NOT NULL,
  ref VARCHAR(64) NULL,
  source VARCHAR(32) NOT NULL DEFAULT '',
  points BIGINT NOT NULL,
  ledger_id BIGINT NOT NULL,
  reverses BIGINT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY by_ref (enterprise, ref),
  UNIQUE KEY by_ledger (ledger_id),
  UNIQUE KEY by_reverses (reverses),
  KEY by_member (member_id, id)
) ENGINE=InnoDB;

-- Every call (signed or refused): never a secret, a signature or a body.
CREATE TABLE api_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id INT NULL,
  key_id VARCHAR(40) CHARACTER SET ascii NOT NULL DEFAULT '',
  method VARCHAR(8) NOT NULL,
  path VARCHAR(300) NOT NULL,
  status INT NOT NULL,
  code VARCHAR(40) NOT NULL DEFAULT '',
  ms INT NOT NULL DEFAULT 0,
  ip VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_partner (partner_id, id),
  KEY by_time (created_at)
) ENGINE=InnoDB;
