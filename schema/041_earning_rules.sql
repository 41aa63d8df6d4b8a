-- 041_earning_rules.sql: earning rules (P2) — consumption rules per enterprise (points per amount spent, rounding, a
-- cap per member per mall day) applied to partner-reported consumptions, and activity bonuses (a multiplier or a fixed
-- bonus within an activity's window and daily points budget) written as ledger entries of a new kind 'bonus'.

-- Every ledger kind at once (see 038): 'bonus' is an activity bonus (> 0, a lot of its own) or one taken back with the
-- earn it came with (< 0, the untouched lot taken back through an allocation).
ALTER TABLE points_ledger MODIFY kind ENUM('earn','spend','refund','expire','grant','adjust','offline','scan','coupon',
  'api_earn','api_spend','api_reverse','bonus') NOT NULL;

-- A consumption rule of an enterprise, named by code (what partners send). Rows are versions and are never changed:
-- saving a rule writes its next version, the newest version is the one in force, and an earn records the version that
-- computed it. points = amount_fen × points_per_unit / unit_fen, rounded as `rounding` says.
CREATE TABLE earning_rules (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  enterprise VARCHAR(64) NOT NULL,
  code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  name VARCHAR(100) NOT NULL,
  points_per_unit INT NOT NULL,
  unit_fen INT NOT NULL,
  rounding ENUM('down','half_up','up') NOT NULL DEFAULT 'down',
  member_day_cap INT NOT NULL DEFAULT 0,  -- points one member may earn by this rule per mall day (MALL_TZ); 0 = none
  status ENUM('active','disabled') NOT NULL DEFAULT 'active',
  created_by INT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY by_code (enterprise, code, version),
  CONSTRAINT fk_rule_enterprise FOREIGN KEY (enterprise) REFERENCES enterprises (code),
  CONSTRAINT earning_rule_range CHECK (version >= 1 AND points_per_unit BETWEEN 1 AND 10000
    AND unit_fen BETWEEN 1 AND 100000000 AND member_day_cap >= 0)
) ENGINE=InnoDB;

-- Points one member earned by one rule (all versions of its code) per mall day: raised only by a conditional
-- INSERT … ON DUPLICATE KEY UPDATE that never passes the cap (last_take: what the latest statement took); a reverse
-- gives its points back to the row of its day.
CREATE TABLE rule_member_days (
  enterprise VARCHAR(64) NOT NULL,
  code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  member_id BIGINT NOT NULL,
  day DATE NOT NULL,
  points BIGINT NOT NULL DEFAULT 0,
  last_take BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (enterprise, code, member_id, day),
  CONSTRAINT rule_day_range CHECK (points >= 0)
) ENGINE=InnoDB;

-- The rule behind an API earn: which version, the amount reported, what the rule computed and what the cap left.
CREATE TABLE api_rule_earns (
  op_id BIGINT NOT NULL PRIMARY KEY,
  rule_id INT NOT NULL,
  enterprise VARCHAR(64) NOT NULL,
  code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  member_id BIGINT NOT NULL,
  day DATE NOT NULL,
  amount_fen BIGINT NOT NULL,
  computed BIGINT NOT NULL,
  points BIGINT NOT NULL,
  reversed TINYINT(1) NOT NULL DEFAULT 0,
  KEY by_day (enterprise, code, member_id, day)
) ENGINE=InnoDB;

-- An activity's bonus for members who earn by a consumption rule while it runs: kind 'multiply' adds
-- points × (multiplier_pct − 100) / 100 (rounded down; 200 = double), 'fixed' adds fixed_points per earn. enterprise ''
-- = earns of every enterprise. The bonuses come out of the activity's daily points budget (activity_days, F2).
CREATE TABLE activity_bonuses (
  activity_id INT NOT NULL PRIMARY KEY,
  enterprise VARCHAR(64) NOT NULL DEFAULT '',
  kind ENUM('multiply','fixed') NOT NULL,
  multiplier_pct INT NOT NULL DEFAULT 100,
  fixed_points INT NOT NULL DEFAULT 0,
  status ENUM('active','disabled') NOT NULL DEFAULT 'active',
  updated_by INT NOT NULL DEFAULT 0,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT activity_bonus_range CHECK (multiplier_pct BETWEEN 100 AND 1000 AND fixed_points BETWEEN 0 AND 1000000)
) ENGINE=InnoDB;

-- Each bonus paid: its activity, the earn entry it came with, its own entry, the day whose budget it used, and the
-- entry that took it back (with its earn's reverse).
CREATE TABLE earn_bonuses (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id INT NOT NULL,
  member_id BIGINT NOT NULL,
  earn_ledger_id BIGINT NOT NULL,
  ledger_id BIGINT NOT NULL,
  points BIGINT NOT NULL,
  day DATE NOT NULL,
  reverse_ledger_id BIGINT NULL,
  UNIQUE KEY by_ledger (ledger_id),
  UNIQUE KEY by_earn (earn_ledger_id, activity_id),
  UNIQUE KEY by_reverse (reverse_ledger_id),
  KEY by_activity (activity_id, day)
) ENGINE=InnoDB;
