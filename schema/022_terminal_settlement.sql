-- 022_terminal_settlement.sql: terminal (offline) payments in merchant statements (V7 + V8) — each merchant's
-- settlement rule for them, the statement a payment is settled in with its amount, and the statement's two parts.
-- Rule: a terminal payment of P points settles at ROUND_HALF_UP(P × offline_fen_per_100 / 100) fen, per line.
-- Default 80 fen per 100 points, the rate demo voucher prices were set at (014_vouchers.sql: 0.8 fen a point).
ALTER TABLE merchants ADD COLUMN offline_fen_per_100 BIGINT NOT NULL DEFAULT 80,
  ADD CONSTRAINT offline_rate_range CHECK (offline_fen_per_100 BETWEEN 0 AND 100000);
ALTER TABLE offline_payments ADD COLUMN settlement_id BIGINT NULL, ADD COLUMN settle_fen BIGINT NOT NULL DEFAULT 0,
  ADD KEY by_settlement (settlement_id), ADD KEY by_merchant_time (merchant_id, created_at);
-- amount_fen and points stay the statement's totals: vouchers + terminal payments.
ALTER TABLE settlements ADD COLUMN voucher_fen BIGINT NOT NULL DEFAULT 0 AFTER vouchers,
  ADD COLUMN voucher_points BIGINT NOT NULL DEFAULT 0 AFTER voucher_fen,
  ADD COLUMN offline_count INT NOT NULL DEFAULT 0 AFTER voucher_points,
  ADD COLUMN offline_points BIGINT NOT NULL DEFAULT 0 AFTER offline_count,
  ADD COLUMN offline_fen BIGINT NOT NULL DEFAULT 0 AFTER offline_points;
UPDATE settlements SET voucher_fen = amount_fen, voucher_points = points;
