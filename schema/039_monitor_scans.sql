-- 039_monitor_scans.sql: one-item code scans (F5) in the monitor's per-minute rows (F1), written in the scan's transaction.
ALTER TABLE activity_minutes ADD COLUMN scans INT NOT NULL DEFAULT 0, ADD COLUMN scan_points BIGINT NOT NULL DEFAULT 0;
