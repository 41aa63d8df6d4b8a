-- 040_enterprises.sql: enterprises in the back office (B8) — enterprise admins bound to one enterprise, each
-- enterprise's prepaid points budget, and bulk grants from a CSV file run as background jobs (one row per file line).

-- An 'enterprise' admin sees only its enterprise's members (the scope is set where the admin is loaded); the database
-- refuses an enterprise admin without an enterprise, so a scope can never be empty.
ALTER TABLE admins ADD COLUMN enterprise VARCHAR(64) NULL,
  ADD CONSTRAINT fk_admin_enterprise FOREIGN KEY (enterprise) REFERENCES enterprises (code),
  ADD CONSTRAINT admin_enterprise_bound CHECK (role <> 'enterprise' OR enterprise IS NOT NULL);

-- Prepaid points: grants to the enterprise's members (back office, bulk files, partner API earn) add to budget_used
-- with one conditional UPDATE (budget_used + n <= budget) in the grant's transaction. budget NULL: no budget set (grants
-- are only counted).
ALTER TABLE enterprises ADD COLUMN budget BIGINT NULL,
  ADD COLUMN budget_used BIGINT NOT NULL DEFAULT 0,
  ADD CONSTRAINT enterprise_budget_range CHECK (budget IS NULL OR (budget >= 0 AND budget_used <= budget));

-- A bulk grant file: validated whole before anything is written (a bad line writes nothing), then applied by
-- `mallctl grants-worker` (spawned at once, and from cron) with a lease like code_jobs (031). enterprise: the scope of
-- the admin who uploaded it ('' = every enterprise); file_sha256 recognises a second upload of the same file.
CREATE TABLE grant_jobs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  admin_id INT NOT NULL,
  enterprise VARCHAR(64) NOT NULL DEFAULT '',
  file_name VARCHAR(200) NOT NULL DEFAULT '',
  file_sha256 CHAR(64) CHARACTER SET ascii NOT NULL,
  state ENUM('queued','running','done','failed') NOT NULL DEFAULT 'queued',
  total INT NOT NULL,
  points_total BIGINT NOT NULL,
  done_count INT NOT NULL DEFAULT 0,
  message VARCHAR(300) NOT NULL DEFAULT '',
  holder CHAR(32) NULL,
  worker_pid INT NULL,
  lease_until DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  started_at DATETIME NULL,
  finished_at DATETIME NULL,
  UNIQUE KEY by_file (enterprise, file_sha256),
  KEY by_state (state, id),
  KEY by_enterprise (enterprise, id)
) ENGINE=InnoDB;

-- One row per line of the file. done = 1 and ledger_id are written in the transaction that writes the grant's ledger
-- entry (whose once_key is 'bulk:<job>:<line>'), so a worker killed anywhere resumes with every line applied once.
CREATE TABLE grant_job_rows (
  job_id BIGINT NOT NULL,
  line INT NOT NULL,
  member_id BIGINT NOT NULL,
  mobile VARCHAR(20) NOT NULL,
  points BIGINT NOT NULL,
  reason VARCHAR(200) NOT NULL,
  expires DATE NOT NULL,
  done TINYINT(1) NOT NULL DEFAULT 0,
  ledger_id BIGINT NULL,
  PRIMARY KEY (job_id, line),
  KEY by_todo (job_id, done, line)
) ENGINE=InnoDB;
