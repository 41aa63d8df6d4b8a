-- 046_points_expiry_days.sql: open points per member and expiry day, and open lots per member, kept by triggers on
-- points_lots, so the points page's "expiring within 30 days" adds at most 30 rows and its open-lot count reads one,
-- however many lots a member has (a member with 146 lots due within 30 days and 20,000 open: 146 + 101 index entries
-- read on every view of the points page, the most of its database time at bulk).
-- A day row counts the lots of that day that are open with points left (points_lots.open_left) and their remaining
-- points; a day whose last open lot closes is deleted. mallctl check-ledger compares both tables with the lots.
CREATE TABLE points_expiry_days (
  member_id BIGINT NOT NULL,
  expires_at DATE NOT NULL,
  remaining BIGINT NOT NULL DEFAULT 0,
  lots INT NOT NULL DEFAULT 0,
  PRIMARY KEY (member_id, expires_at),
  -- Below zero only if a lot write bypassed the triggers: the write fails rather than the sums going wrong.
  CONSTRAINT expiry_day_range CHECK (remaining >= 0 AND lots >= 0)
) ENGINE=InnoDB;

CREATE TABLE points_member_lots (
  member_id BIGINT NOT NULL PRIMARY KEY,
  open_lots INT NOT NULL DEFAULT 0,
  CONSTRAINT member_lots_range CHECK (open_lots >= 0)
) ENGINE=InnoDB;

-- A lot's open points and count (1) come into, or (negative) leave, its member's day and total. Called by the triggers
-- below, so every lot write reaches them in its own statement (a rolled-back write takes its change with it). The
-- member row is locked before any lot in points.c, so one member's rows here are written one transaction at a time
-- and no new lock order arises. A decrease updates the rows the points are in; an increase may be the day's first —
-- the CHECKs apply to the row an upsert would insert, so a negative change cannot go that way.
CREATE PROCEDURE points_open_change(IN p_member BIGINT, IN p_day DATE, IN p_points BIGINT, IN p_lots INT)
MODIFIES SQL DATA
BEGIN
  IF p_points < 0 OR p_lots < 0 THEN
    UPDATE points_expiry_days SET remaining = remaining + p_points, lots = lots + p_lots
      WHERE member_id = p_member AND expires_at = p_day;
    IF p_lots < 0 THEN
      DELETE FROM points_expiry_days WHERE member_id = p_member AND expires_at = p_day AND lots = 0 AND remaining = 0;
      UPDATE points_member_lots SET open_lots = open_lots + p_lots WHERE member_id = p_member;
    END IF;
  ELSEIF p_points > 0 OR p_lots > 0 THEN
    INSERT INTO points_expiry_days (member_id, expires_at, remaining, lots) VALUES (p_member, p_day, p_points, p_lots)
      ON DUPLICATE KEY UPDATE remaining = remaining + VALUES(remaining), lots = lots + VALUES(lots);
    IF p_lots > 0 THEN
      INSERT INTO points_member_lots (member_id, open_lots) VALUES (p_member, p_lots)
        ON DUPLICATE KEY UPDATE open_lots = open_lots + VALUES(open_lots);
    END IF;
  END IF;
END;

-- Open: status 'open' with points left (points_lots.open_left, computed here as the generated column is).
CREATE TRIGGER points_expiry_insert AFTER INSERT ON points_lots FOR EACH ROW
BEGIN
  IF NEW.status = 'open' AND NEW.remaining > 0 THEN
    CALL points_open_change(NEW.member_id, NEW.expires_at, NEW.remaining, 1);
  END IF;
END;

CREATE TRIGGER points_expiry_update AFTER UPDATE ON points_lots FOR EACH ROW
BEGIN
  DECLARE was_open TINYINT DEFAULT OLD.status = 'open' AND OLD.remaining > 0;
  DECLARE is_open TINYINT DEFAULT NEW.status = 'open' AND NEW.remaining > 0;
  IF OLD.member_id = NEW.member_id AND OLD.expires_at = NEW.expires_at THEN
    -- One change of one sign: a spend or refund moves points, an opening or closing lot its points and itself.
    IF was_open * OLD.remaining <> is_open * NEW.remaining OR was_open <> is_open THEN
      CALL points_open_change(NEW.member_id, NEW.expires_at, is_open * NEW.remaining - was_open * OLD.remaining,
                              is_open - was_open);
    END IF;
  ELSE
    IF was_open THEN
      CALL points_open_change(OLD.member_id, OLD.expires_at, -OLD.remaining, -1);
    END IF;
    IF is_open THEN
      CALL points_open_change(NEW.member_id, NEW.expires_at, NEW.remaining, 1);
    END IF;
  END IF;
END;

CREATE TRIGGER points_expiry_delete AFTER DELETE ON points_lots FOR EACH ROW
BEGIN
  IF OLD.status = 'open' AND OLD.remaining > 0 THEN
    CALL points_open_change(OLD.member_id, OLD.expires_at, -OLD.remaining, -1);
  END IF;
END;

-- The lots there already (migrations run with the mall stopped; set, not added, so a rerun after a failure is right).
INSERT INTO points_expiry_days (member_id, expires_at, remaining, lots)
  SELECT member_id, expires_at, SUM(remaining), COUNT(*) FROM points_lots WHERE status = 'open' AND remaining > 0
  GROUP BY member_id, expires_at
ON DUPLICATE KEY UPDATE remaining = VALUES(remaining), lots = VALUES(lots);
INSERT INTO points_member_lots (member_id, open_lots)
  SELECT member_id, COUNT(*) FROM points_lots WHERE status = 'open' AND remaining > 0 GROUP BY member_id
ON DUPLICATE KEY UPDATE open_lots = VALUES(open_lots);
