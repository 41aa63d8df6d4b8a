-- 029_monitor.sql: the live monitoring wall (F1) — per-minute totals per activity and each payment's who/where,
-- written inside the payment's transaction; alert settings per activity, alerts fired once each (a unique key), and
-- the read-only `monitor` role for the client's representatives.

-- What an activity's paid orders took per mall minute (MALL_TZ): one upsert per running activity of the order, the
-- payment's last statement (after the stock rows), so the row is held for the shortest time. Read by primary-key
-- range: an activity's today and yesterday are at most 2,880 rows whatever the number of orders.
CREATE TABLE activity_minutes (
  activity_id INT NOT NULL,
  minute DATETIME NOT NULL,
  orders INT NOT NULL DEFAULT 0,
  points BIGINT NOT NULL DEFAULT 0,
  cash_fen BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (activity_id, minute)
) ENGINE=InnoDB;

-- One row per paid order and running activity: the member and the client's IP, for the last hour's top members and
-- IPs (a primary-key range per activity). Append-only; `mallctl monitor-alerts` drops rows older than two days.
CREATE TABLE activity_payments (
  activity_id INT NOT NULL,
  paid_at DATETIME NOT NULL,
  order_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL,
  ip VARCHAR(45) NOT NULL DEFAULT '',
  points BIGINT NOT NULL DEFAULT 0,
  cash_fen BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (activity_id, paid_at, order_id),
  KEY by_paid (paid_at)
) ENGINE=InnoDB;

-- Alert settings of an activity (no row: the defaults below). surge: the last surge_minutes ran at more than
-- surge_pct % of yesterday's same minutes with at least surge_min_orders orders (0 % = off); budget: budget_pct % of
-- a daily budget used (0 = off); on_trip: a breaker tripped. duty_mobiles: who is texted (comma-separated).
CREATE TABLE monitor_settings (
  activity_id INT NOT NULL PRIMARY KEY,
  surge_pct INT NOT NULL DEFAULT 300,
  surge_minutes INT NOT NULL DEFAULT 5,
  surge_min_orders INT NOT NULL DEFAULT 10,
  budget_pct INT NOT NULL DEFAULT 80,
  on_trip TINYINT(1) NOT NULL DEFAULT 1,
  duty_mobiles VARCHAR(200) NOT NULL DEFAULT '',
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  CONSTRAINT monitor_settings_range CHECK (surge_pct BETWEEN 0 AND 100000 AND surge_minutes BETWEEN 1 AND 120
    AND surge_min_orders BETWEEN 0 AND 1000000 AND budget_pct BETWEEN 0 AND 100)
) ENGINE=InnoDB;

-- Alerts. `once` makes every alert a single row however many evaluators run at once (cron on every node, a monitor
-- page open): budget once per activity and day, a trip once per trip (slot = its time), a surge once until it is
-- acknowledged (slot = acknowledged surges that day). texted_at is claimed by one conditional UPDATE before texting.
CREATE TABLE monitor_alerts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id INT NOT NULL,
  kind ENUM('surge', 'budget', 'tripped') NOT NULL,
  day DATE NOT NULL,
  slot BIGINT NOT NULL DEFAULT 0,
  fired_at DATETIME NOT NULL,
  measured BIGINT NOT NULL DEFAULT 0,  -- surge: orders in the window; budget: % used
  reference BIGINT NOT NULL DEFAULT 0, -- surge: yesterday's same minutes; budget: the threshold %
  texts INT NOT NULL DEFAULT 0,
  texted_at DATETIME NULL,
  acked_at DATETIME NULL,
  acked_by BIGINT NULL,
  acked_by_name VARCHAR(64) NOT NULL DEFAULT '',
  UNIQUE KEY once (activity_id, kind, day, slot),
  KEY by_day (day, id)
) ENGINE=InnoDB;

ALTER TABLE admins MODIFY COLUMN role ENUM('super','ops','moderator','finance','enterprise','monitor') NOT NULL;

-- A product's activities (the product page's trip message, the payment's guards) without reading every activity's list.
ALTER TABLE activity_products ADD KEY by_product (product_id, activity_id);

-- The running activities (the monitor's and the alert job's list) through the ones not ended yet, not every activity.
ALTER TABLE activities ADD KEY running (ends_at, starts_at);
