-- 018_demo_merchants.sql (demo): the same validity as migration 018, for a freshly seeded database
-- (the migration ran before the demo products existed; it only touches demo voucher rows and can run twice)
UPDATE products SET voucher_valid_days = CASE
    WHEN merchant_id IN (2, 5) THEN 90
    WHEN merchant_id IN (3, 4) THEN 60
    ELSE 30 END,
  description_zh = REPLACE(description_zh, '自兑换之日起30天内有效', CONCAT('自兑换之日起', CASE
    WHEN merchant_id IN (2, 5) THEN 90 WHEN merchant_id IN (3, 4) THEN 60 ELSE 30 END, '天内有效')),
  description_en = REPLACE(description_en, 'valid for 30 days', CONCAT('valid for ', CASE
    WHEN merchant_id IN (2, 5) THEN 90 WHEN merchant_id IN (3, 4) THEN 60 ELSE 30 END, ' days'))
 WHERE type = 'voucher' AND id BETWEEN 44 AND 74 AND merchant_id BETWEEN 1 AND 6;
