-- 001_core.sql: sessions, members, SMS, throttling, points lots and ledger
CREATE TABLE sessions (
  token_hash CHAR(64) NOT NULL PRIMARY KEY,
  realm VARCHAR(16) NOT NULL,
  principal_id BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL,
  ip VARCHAR(64) NOT NULL DEFAULT '',
  KEY by_principal (realm, principal_id)
) ENGINE=InnoDB;

CREATE TABLE members (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mobile CHAR(11) NOT NULL,
  name VARCHAR(64) NOT NULL DEFAULT '',
  password_hash VARCHAR(255) NOT NULL,
  status ENUM('active','frozen') NOT NULL DEFAULT 'active',
  points_balance BIGINT NOT NULL DEFAULT 0,
  enterprise VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY by_mobile (mobile),
  CONSTRAINT balance_not_negative CHECK (points_balance >= 0)
) ENGINE=InnoDB;

CREATE TABLE sms_outbox (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mobile CHAR(11) NOT NULL,
  purpose VARCHAR(32) NOT NULL,
  body VARCHAR(500) NOT NULL,
  driver VARCHAR(16) NOT NULL,
  status ENUM('queued','sent','failed') NOT NULL,
  error VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_mobile (mobile, id)
) ENGINE=InnoDB;

CREATE TABLE sms_codes (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mobile CHAR(11) NOT NULL,
  purpose VARCHAR(32) NOT NULL,
  ref VARCHAR(128) NOT NULL DEFAULT '',
  code_hash CHAR(64) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_mobile (mobile, purpose, id),
  KEY by_day (mobile, created_at)
) ENGINE=InnoDB;

-- One row per counted event (failed login, code request …); counted over a window.
CREATE TABLE throttle_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  scope VARCHAR(32) NOT NULL,
  subject VARCHAR(128) NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_subject (scope, subject, created_at)
) ENGINE=InnoDB;

CREATE TABLE points_lots (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id BIGINT NOT NULL,
  source VARCHAR(32) NOT NULL,
  note VARCHAR(200) NOT NULL DEFAULT '',
  amount BIGINT NOT NULL,
  remaining BIGINT NOT NULL,
  expires_at DATE NOT NULL,
  status ENUM('open','expired') NOT NULL DEFAULT 'open',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY fifo (member_id, status, expires_at, id),
  CONSTRAINT fk_lot_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT lot_remaining_range CHECK (remaining >= 0 AND remaining <= amount)
) ENGINE=InnoDB;

CREATE TABLE points_ledger (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id BIGINT NOT NULL,
  kind ENUM('earn','spend','refund','expire','grant','adjust') NOT NULL,
  amount BIGINT NOT NULL,
  balance_after BIGINT NOT NULL,
  lot_id BIGINT NULL,
  order_id BIGINT NULL,
  note VARCHAR(200) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_member (member_id, id),
  CONSTRAINT fk_ledger_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB;
