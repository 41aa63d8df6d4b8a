-- 014_vouchers.sql: voucher password copy for its owner (AES-256-GCM, key from the server secret), SMS-once flag, settlement prices
ALTER TABLE vouchers
  ADD COLUMN password_enc VARCHAR(80) NOT NULL DEFAULT '',
  ADD COLUMN texted TINYINT NOT NULL DEFAULT 0,
  ADD KEY by_status_valid (status, valid_to);

-- The merchant is paid 80 % of the points price in fen (1 point = 1 fen) for each redeemed demo voucher.
UPDATE products SET settle_price_fen = ROUND(points_price * 0.8) WHERE type = 'voucher' AND settle_price_fen = 0;
