-- 027_throttle_locks.sql: one row per throttled subject (an account, an IP) that attempts queue on, so counting the
-- window's failures and recording the next attempt happen as one step: 30 guesses at once get at most `limit` tries.
CREATE TABLE throttle_locks (
  scope VARCHAR(32) NOT NULL,
  subject VARCHAR(128) NOT NULL,
  touched_at DATETIME NOT NULL,
  PRIMARY KEY (scope, subject),
  KEY by_age (touched_at)
) ENGINE=InnoDB;
