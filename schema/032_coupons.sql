-- 032_coupons.sql: coupon campaigns (F6, 消费券) — a campaign of an activity with a total quota, a per-member limit,
-- a claim window and a use window; the coupons members hold; what each member claimed per campaign; the discount an
-- order took; a new ledger kind 'coupon' for points exchanged for a coupon; a blacklist event for claims.

-- Exchanging points for a coupon takes them from the member's lots like a spend (FIFO, allocations), without an
-- order: its entry carries once_key 'coupon:<campaign>:<member>:<n>' (the member's n-th claim of the campaign).
ALTER TABLE points_ledger MODIFY kind ENUM('earn','spend','refund','expire','grant','adjust','offline','scan','coupon') NOT NULL;

-- Claims are one of the events automatic blacklist rules count (F3), per IP and per member mobile; off until an
-- operator sets thresholds for a campaign (a surge of honest members must not trip it).
ALTER TABLE blacklist_rules MODIFY event ENUM('signin_fail','sms_code','payment','code_scan','coupon_claim') NOT NULL;
ALTER TABLE blacklist_counts MODIFY event ENUM('signin_fail','sms_code','payment','code_scan','coupon_claim') NOT NULL;
INSERT INTO blacklist_rules (event, subject, threshold, period, window_minutes, days_needed, days_span, block_minutes, enabled)
  VALUES ('coupon_claim', 'mobile', 60, 'minutes', 60, 1, 1, 1440, 0),
         ('coupon_claim', 'ip', 600, 'minutes', 60, 1, 1, 1440, 0);

-- A campaign: kind points_off takes face_value points off an order's points total of at least threshold points;
-- cash_off takes face_value fen off an order's cash part of at least threshold fen. claimed moves only by one
-- conditional UPDATE (… WHERE claimed < quota), and the CHECK keeps it within the quota whatever happens.
-- price_points 0: claimed free; otherwise exchanged for that many points (ledger kind 'coupon').
-- paused stops new claims only: coupons already claimed stay usable (F4).
CREATE TABLE coupon_campaigns (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id INT NOT NULL,
  name_zh VARCHAR(100) NOT NULL,
  name_en VARCHAR(100) NOT NULL DEFAULT '',
  kind ENUM('points_off','cash_off') NOT NULL,
  face_value BIGINT NOT NULL,
  threshold BIGINT NOT NULL DEFAULT 0,
  quota INT NOT NULL,
  claimed INT NOT NULL DEFAULT 0,
  per_member INT NOT NULL DEFAULT 1,
  price_points BIGINT NOT NULL DEFAULT 0,
  claim_from DATETIME NOT NULL,
  claim_until DATETIME NOT NULL,
  use_from DATETIME NOT NULL,
  use_until DATETIME NOT NULL,
  paused TINYINT(1) NOT NULL DEFAULT 0,
  pause_reason VARCHAR(200) NOT NULL DEFAULT '',
  created_by INT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_activity (activity_id, id),
  KEY by_claim (claim_until, id),
  CONSTRAINT coupon_quota CHECK (claimed >= 0 AND claimed <= quota AND quota BETWEEN 1 AND 1000000),
  CONSTRAINT coupon_values CHECK (face_value > 0 AND threshold >= 0 AND per_member BETWEEN 1 AND 100
                                  AND price_points >= 0),
  CONSTRAINT coupon_windows CHECK (claim_from < claim_until AND use_from < use_until)
) ENGINE=InnoDB;

-- A member's coupon. kind, face_value, threshold and the use window are copied from the campaign when claimed: an
-- edit of the campaign never changes a coupon someone holds. status 'used' with order_id: taken by that order (a
-- cancel puts it back to 'unused' while its use window lasts). Expired = unused with use_until passed (derived).
CREATE TABLE coupons (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campaign_id INT NOT NULL,
  member_id BIGINT NOT NULL,
  kind ENUM('points_off','cash_off') NOT NULL,
  face_value BIGINT NOT NULL,
  threshold BIGINT NOT NULL,
  use_from DATETIME NOT NULL,
  use_until DATETIME NOT NULL,
  status ENUM('unused','used') NOT NULL DEFAULT 'unused',
  order_id BIGINT NULL,
  price_points BIGINT NOT NULL DEFAULT 0,
  ledger_id BIGINT NULL, -- the exchange's 'coupon' entry (price_points > 0)
  claimed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  used_at DATETIME NULL,
  KEY by_member (member_id, status, id),
  KEY by_campaign (campaign_id, id),
  UNIQUE KEY by_order (order_id),
  UNIQUE KEY by_ledger (ledger_id)
) ENGINE=InnoDB;

-- How many coupons of a campaign each member claimed: one conditional upsert per claim (the per-member limit).
CREATE TABLE coupon_member_claims (
  campaign_id INT NOT NULL,
  member_id BIGINT NOT NULL,
  claimed INT NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, member_id)
) ENGINE=InnoDB;

-- The coupon an order took when it was created, and what it took off: the order's points_total and cash_total_fen
-- are the amounts after the discount (what payment charges).
ALTER TABLE orders ADD COLUMN coupon_id BIGINT NULL, ADD COLUMN discount_points BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN discount_cash_fen BIGINT NOT NULL DEFAULT 0,
  ADD CONSTRAINT order_discounts CHECK (discount_points >= 0 AND discount_cash_fen >= 0);
