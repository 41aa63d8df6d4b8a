-- 024_blacklist.sql: the blacklist (F3) — entries (an IP or CIDR range, a member mobile, a merchant account; manual
-- or caught by a rule), the rules that catch them automatically, and the event counters those rules read.
-- An entry is active while removed_at IS NULL and (expires_at IS NULL OR expires_at > NOW()); every process keeps the
-- active ones in memory (cgi/domain/shared/blacklist.c), so checking costs no query.
CREATE TABLE blacklist_rules (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event ENUM('signin_fail','sms_code','payment') NOT NULL,
  subject ENUM('ip','mobile','merchant') NOT NULL,
  -- More than threshold events: within the last window_minutes (period 'minutes'), or on at least days_needed of the
  -- last days_span days, today included, in the mall's time zone (period 'days').
  threshold INT NOT NULL,
  period ENUM('minutes','days') NOT NULL DEFAULT 'minutes',
  window_minutes INT NOT NULL DEFAULT 60,
  days_needed INT NOT NULL DEFAULT 1,
  days_span INT NOT NULL DEFAULT 1,
  block_minutes INT NOT NULL,
  enabled TINYINT(1) NOT NULL DEFAULT 1,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY by_event (event, subject, enabled),
  CONSTRAINT rule_threshold CHECK (threshold BETWEEN 1 AND 1000000),
  CONSTRAINT rule_window CHECK (window_minutes BETWEEN 1 AND 1440),
  CONSTRAINT rule_days CHECK (days_span BETWEEN 1 AND 31 AND days_needed BETWEEN 1 AND days_span),
  CONSTRAINT rule_block CHECK (block_minutes BETWEEN 1 AND 525600)
) ENGINE=InnoDB;

CREATE TABLE blacklist_entries (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind ENUM('ip','mobile','merchant') NOT NULL,
  -- ip: an address or a CIDR range in canonical form (network address, no host bits); mobile: 11 digits; merchant: a
  -- merchant_users.username
  value VARCHAR(64) NOT NULL,
  reason VARCHAR(200) NOT NULL,
  rule_id INT NULL, -- the rule that caught it; NULL for a manual entry
  created_by INT NULL, -- admins.id for a manual entry
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  expires_at DATETIME NULL, -- NULL: until removed
  removed_at DATETIME NULL,
  removed_by INT NULL,
  remove_reason VARCHAR(200) NULL,
  KEY by_subject (kind, value, removed_at),
  KEY by_active (removed_at, expires_at),
  KEY by_rule (rule_id),
  CONSTRAINT fk_blacklist_rule FOREIGN KEY (rule_id) REFERENCES blacklist_rules (id)
) ENGINE=InnoDB;

-- One row per event kind, subject, unit and bucket (a minute, or a day in the mall's time zone): an event is one
-- upsert; a rule reads a handful of rows by the primary key (subject, then time). Written only for events an enabled
-- rule watches; rows past the longest window are pruned a few at a time.
CREATE TABLE blacklist_counts (
  event ENUM('signin_fail','sms_code','payment') NOT NULL,
  subject_kind ENUM('ip','mobile','merchant') NOT NULL,
  subject VARCHAR(64) NOT NULL,
  unit ENUM('minute','day') NOT NULL,
  bucket DATETIME NOT NULL,
  n INT NOT NULL DEFAULT 0,
  PRIMARY KEY (event, subject_kind, subject, unit, bucket),
  KEY by_age (unit, bucket)
) ENGINE=InnoDB;

-- One row: raised in the same transaction as every change of entries or rules. A process that has not heard of a
-- change through its machine's generations file (a change made on another app machine) notices it here, reading this
-- row at most once a second before it trusts its copy of the list.
CREATE TABLE blacklist_version (
  id TINYINT NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL
) ENGINE=InnoDB;
INSERT INTO blacklist_version (id, version) VALUES (1, 1);

-- Defaults an operator tunes on /admin/blacklist/rules. On: sign-in failures per IP — failures are also throttled
-- (20 / 15 min per IP), this catches a client that keeps hammering through the throttle (refused attempts count).
-- Off until an operator sets thresholds that fit the campaign: code requests per IP (a shop's or a carrier's NAT sends
-- many members from one address) and redemptions per member (a flash sale's own buyers must not trip it; while it is
-- off a payment writes nothing here). Rules on an account's sign-in failures are off: anyone could lock a member out by
-- typing their mobile.
INSERT INTO blacklist_rules (event, subject, threshold, period, window_minutes, days_needed, days_span, block_minutes, enabled) VALUES
  ('signin_fail', 'ip', 60, 'minutes', 60, 1, 1, 1440, 1),
  ('sms_code', 'ip', 200, 'minutes', 60, 1, 1, 1440, 0),
  ('payment', 'mobile', 20, 'days', 1440, 3, 7, 10080, 0),
  ('signin_fail', 'mobile', 30, 'minutes', 60, 1, 1, 60, 0),
  ('signin_fail', 'merchant', 30, 'minutes', 60, 1, 1, 60, 0);
