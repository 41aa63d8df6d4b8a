-- 047_member_entries.sql: each member's ledger entries counted in points_member_lots, kept by triggers on
-- points_ledger, so the points page's unfiltered entry count (the pager's) reads one row instead of probing the
-- member's index entries up to the cap and counting them (on a page past the end, ~15 µs of a view's database time
-- even for a member with six entries). Filtered views (kind, dates) still count in the index, up to the cap.
-- The ledger is append-only; the delete trigger keeps the count right should a row ever go. check-ledger compares
-- the count with the ledger (I1).
ALTER TABLE points_member_lots ADD COLUMN ledger_entries BIGINT NOT NULL DEFAULT 0,
  ADD CONSTRAINT member_entries_range CHECK (ledger_entries >= 0);

-- The member row is locked before any entry is written (points.c), so one member's count is written one transaction
-- at a time, as the lot counts of 046.
CREATE TRIGGER points_ledger_count_insert AFTER INSERT ON points_ledger FOR EACH ROW
  INSERT INTO points_member_lots (member_id, ledger_entries) VALUES (NEW.member_id, 1)
    ON DUPLICATE KEY UPDATE ledger_entries = ledger_entries + 1;

CREATE TRIGGER points_ledger_count_delete AFTER DELETE ON points_ledger FOR EACH ROW
  UPDATE points_member_lots SET ledger_entries = ledger_entries - 1 WHERE member_id = OLD.member_id;

-- The entries there already (set, not added: a rerun after a failure is right).
INSERT INTO points_member_lots (member_id, ledger_entries)
  SELECT member_id, COUNT(*) FROM points_ledger GROUP BY member_id
ON DUPLICATE KEY UPDATE ledger_entries = VALUES(ledger_entries);
