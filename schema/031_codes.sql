-- 031_codes.sql: one-item-one-code campaigns (F5) — code batches of an activity, their codes kept only as keyed
-- hashes (the clear codes exist once, in the encrypted package the exporting admin downloads), the plant's boxes that
-- activate them, the background jobs that generate them, and a new ledger kind 'scan' for the points a scan earns.

-- A scan credits a lot like a grant does; its entry carries once_key 'scan:<batch>:<serial>' (I6).
ALTER TABLE points_ledger MODIFY kind ENUM('earn','spend','refund','expire','grant','adjust','offline','scan') NOT NULL;

-- Scans are one of the events automatic blacklist rules count (F3), per IP and per member mobile.
ALTER TABLE blacklist_rules MODIFY event ENUM('signin_fail','sms_code','payment','code_scan') NOT NULL;
ALTER TABLE blacklist_counts MODIFY event ENUM('signin_fail','sms_code','payment','code_scan') NOT NULL;
-- "More than N scans a day on 3 days within a week" (SPEC F3's example), off until an operator sets N for a campaign.
INSERT INTO blacklist_rules (event, subject, threshold, period, window_minutes, days_needed, days_span, block_minutes, enabled)
  VALUES ('code_scan', 'mobile', 30, 'days', 1440, 3, 7, 10080, 0),
         ('code_scan', 'ip', 300, 'minutes', 60, 1, 1, 1440, 0);

-- A batch: count codes of one activity, each earning points once while the batch is valid; the lot a scan creates
-- expires on points_expire. state: new → generating → ready (package waiting for its admin) → exported (package
-- downloaded and discarded: only the hashes remain); failed when its job gave up (a new job starts it afresh).
CREATE TABLE code_batches (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id INT NOT NULL,
  name VARCHAR(100) NOT NULL,
  count INT NOT NULL,
  points INT NOT NULL,
  valid_until DATE NOT NULL,
  points_expire DATE NOT NULL,
  base_url VARCHAR(200) NOT NULL, -- the code URLs' prefix (MALL_PUBLIC_URL, or the back office's host)
  state ENUM('new','generating','ready','exported','failed') NOT NULL DEFAULT 'new',
  created_by INT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  package_sha256 CHAR(64) NULL,   -- of the encrypted ZIP as built
  package_bytes BIGINT NULL,
  exported_by INT NULL,           -- the admin who downloaded it
  exported_at DATETIME NULL,
  imported_at DATETIME NULL,      -- last box mapping import
  KEY by_activity (activity_id, id),
  CONSTRAINT code_batch_range CHECK (count BETWEEN 1 AND 1000000 AND points BETWEEN 1 AND 1000000)
) ENGINE=InnoDB;

-- One row per code: never the code, only HMAC-SHA256(key derived from secret.key, code), first 128 bits in hex.
-- The primary key is the batch and the code's serial (its line in the package), so generation appends in key order.
-- A code earns when its box is active and it was never used: used_at is set by one conditional UPDATE.
CREATE TABLE codes (
  batch_id INT NOT NULL,
  serial INT NOT NULL,
  hash CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  box_id BIGINT NULL,
  used_at DATETIME NULL,
  used_by BIGINT NULL,
  ledger_id BIGINT NULL,
  PRIMARY KEY (batch_id, serial),
  UNIQUE KEY by_hash (hash),
  KEY by_box (box_id),
  -- check-ledger: used codes without an entry are found as a range (ledger_id NULL, used_at not NULL), not a scan
  KEY by_ledger (ledger_id, used_at)
) ENGINE=InnoDB;

-- The plant's boxes (pallets, cartons) of a batch: the import maps each code to one; activation is per box, so a box
-- of 500 codes is activated by writing one row.
CREATE TABLE code_boxes (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  batch_id INT NOT NULL,
  box_code VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  codes INT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 0,
  activated_at DATETIME NULL,
  deactivated_at DATETIME NULL,
  UNIQUE KEY by_code (batch_id, box_code)
) ENGINE=InnoDB;

-- Background jobs of the back office (generation + export of a batch). The FastCGI handler only inserts the row;
-- `mallctl codes-worker` (spawned at once, and from cron) claims it with a lease, renewed with every progress step, so
-- a worker that died is replaced. password_enc: the package's password, AES-256-GCM under a key derived from
-- secret.key, until the exporting admin has seen it once (then NULL: the server forgets it).
CREATE TABLE code_jobs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind ENUM('generate') NOT NULL DEFAULT 'generate',
  batch_id INT NOT NULL,
  admin_id INT NOT NULL,
  state ENUM('queued','running','done','failed') NOT NULL DEFAULT 'queued',
  done_count INT NOT NULL DEFAULT 0,
  total INT NOT NULL,
  message VARCHAR(300) NOT NULL DEFAULT '',
  holder CHAR(32) NULL,
  lease_until DATETIME NULL,
  password_enc VARCHAR(200) NULL,
  password_shown_at DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  started_at DATETIME NULL,
  finished_at DATETIME NULL,
  seconds_taken DECIMAL(10,2) NULL,
  KEY by_state (state, id),
  KEY by_batch (batch_id, id)
) ENGINE=InnoDB;

-- The encrypted package, in pieces of 768 KiB stored as base64 (every app machine can serve the download; no local
-- file), until its admin has downloaded it and discarded it.
CREATE TABLE code_packages (
  batch_id INT NOT NULL,
  seq INT NOT NULL,
  data MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (batch_id, seq)
) ENGINE=InnoDB;
