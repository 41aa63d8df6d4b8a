-- 023_guards.sql: campaign guards (F2 circuit breakers, F4 emergency switch) — per-member daily caps, daily budgets
-- per activity with their tripped state, the trip messages, and the pause switches. Every counter here is moved
-- only by conditional UPDATEs inside the payment's transaction; the monitor (F1) reads these tables as they are.

-- An activity's guards. 0 = none. style picks the default trip message (lottery: 谢谢参与; otherwise: 系统维护中);
-- trip_message_zh/_en replace it when not empty.
ALTER TABLE activities
  ADD COLUMN style ENUM('normal', 'lottery') NOT NULL DEFAULT 'normal',
  ADD COLUMN points_budget BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN cash_budget_fen BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN member_day_cap INT NOT NULL DEFAULT 0,
  ADD COLUMN trip_message_zh VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN trip_message_en VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN paused TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN pause_reason VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN paused_at DATETIME NULL,
  ADD CONSTRAINT activity_guards_range CHECK (points_budget >= 0 AND cash_budget_fen >= 0 AND member_day_cap >= 0);

-- Units of the product one member may pay for per mall day (MALL_TZ). 0 = no cap.
ALTER TABLE products ADD COLUMN member_day_cap INT NOT NULL DEFAULT 0,
  ADD CONSTRAINT product_day_cap_range CHECK (member_day_cap >= 0);

-- One row per activity with a budget per mall day: what its paid orders took. tripped_at is set when a payment
-- was refused for the budget; from then on every payment of the activity is refused that day, until an admin raises
-- the budget above what was spent (which clears it). A new day starts a new row: the activity runs again.
CREATE TABLE activity_days (
  activity_id INT NOT NULL,
  day DATE NOT NULL,
  points_spent BIGINT NOT NULL DEFAULT 0,
  cash_spent_fen BIGINT NOT NULL DEFAULT 0,
  orders INT NOT NULL DEFAULT 0,
  tripped_at DATETIME NULL,
  PRIMARY KEY (activity_id, day),
  KEY by_day (day)
) ENGINE=InnoDB;

-- Units one member paid for per mall day, per product (scope 'product') and per activity (scope 'activity').
CREATE TABLE member_day_counts (
  member_id BIGINT NOT NULL,
  scope ENUM('product', 'activity') NOT NULL,
  ref_id BIGINT NOT NULL,
  day DATE NOT NULL,
  quantity INT NOT NULL DEFAULT 0,
  PRIMARY KEY (member_id, scope, ref_id, day)
) ENGINE=InnoDB;

-- What each paid order counted, so a cancel with refund gives the units and the budget back (same day only).
CREATE TABLE order_guard_counts (
  order_id BIGINT NOT NULL,
  scope ENUM('product', 'activity', 'budget') NOT NULL,
  ref_id BIGINT NOT NULL,
  day DATE NOT NULL,
  quantity INT NOT NULL DEFAULT 0,
  points BIGINT NOT NULL DEFAULT 0,
  cash_fen BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id, scope, ref_id)
) ENGINE=InnoDB;

-- The mall-wide switch: one row. version moves with every pause, resume, trip and untrip, so each app process can
-- tell with one primary-key read (at most once a second) that the banner and the cached pages must change.
CREATE TABLE mall_switch (
  id TINYINT NOT NULL PRIMARY KEY,
  paused TINYINT(1) NOT NULL DEFAULT 0,
  reason VARCHAR(200) NOT NULL DEFAULT '',
  paused_at DATETIME NULL,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT one_switch CHECK (id = 1)
) ENGINE=InnoDB;
INSERT INTO mall_switch (id) VALUES (1);

-- mallctl's changes are audited as the system's (admin_id 0, admin_name "mallctl:<unix user>").
ALTER TABLE audit_log MODIFY COLUMN actor_kind ENUM('admin', 'merchant', 'system') NOT NULL DEFAULT 'admin';
