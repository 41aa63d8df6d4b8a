-- 018_demo_merchants.sql: demo voucher products' validity — car wash 30, gym 60, cinema 90 days — and their descriptions to match
-- (settlement prices: 014_vouchers.sql). Runs on existing databases; schema/demo/018_demo_merchants.sql repeats it for fresh
-- ones, because migrations run before the seed.
UPDATE products SET voucher_valid_days = CASE
    WHEN merchant_id IN (2, 5) THEN 90
    WHEN merchant_id IN (3, 4) THEN 60
    ELSE 30 END,
  description_zh = REPLACE(description_zh, '自兑换之日起30天内有效', CONCAT('自兑换之日起', CASE
    WHEN merchant_id IN (2, 5) THEN 90 WHEN merchant_id IN (3, 4) THEN 60 ELSE 30 END, '天内有效')),
  description_en = REPLACE(description_en, 'valid for 30 days', CONCAT('valid for ', CASE
    WHEN merchant_id IN (2, 5) THEN 90 WHEN merchant_id IN (3, 4) THEN 60 ELSE 30 END, ' days'))
 WHERE type = 'voucher' AND id BETWEEN 44 AND 74 AND merchant_id BETWEEN 1 AND 6;
