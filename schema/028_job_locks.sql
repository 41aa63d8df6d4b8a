-- 028_job_locks.sql: one row per cron job (mallctl expire-points, orders-housekeeping, …) held while one machine
-- runs it, so the same crontab on every app machine runs each job once at a time; a lease, so a crashed run frees it.
CREATE TABLE job_locks (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  holder CHAR(32) NOT NULL,
  host VARCHAR(64) NOT NULL,
  locked_until DATETIME NOT NULL
) ENGINE=InnoDB;
