-- 014_demo_vouchers.sql: demo voucher products settle at 80 % of their points price, in fen (1 point = 1 fen)
UPDATE products SET settle_price_fen = ROUND(points_price * 0.8) WHERE type = 'voucher' AND settle_price_fen = 0;
