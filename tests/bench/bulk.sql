-- bulk.sql: the bulk data set for `make bench BULK=1`, added to the demo data with set-based SQL (reproducible: every
-- value derives from the sequence number): 100,000 products in 20 top categories × 10 leaves and 100 brands,
-- 200,000 members, 2,000,000 ledger entries and 2,000,000 lots (20,000 of each for the demo member 13800138000, so
-- the points page meets a long history), 500,000 orders. Ledger kinds are earn only and orders have no lines, so
-- the invariants of check-ledger still hold for the members added.
SET SESSION unique_checks = 0, foreign_key_checks = 0;

-- 20 top categories, 10 leaves each; 100 brands.
INSERT INTO categories (parent_id, name_zh, name_en, sort)
  SELECT NULL, CONCAT('批量类目', seq), CONCAT('Bulk category ', seq), 100 + seq FROM seq_1_to_20;
SET @top0 = (SELECT MIN(id) FROM categories WHERE name_zh LIKE '批量类目%') - 1;
INSERT INTO categories (parent_id, name_zh, name_en, sort)
  SELECT @top0 + 1 + (seq - 1) DIV 10, CONCAT('批量子类', seq), CONCAT('Bulk leaf ', seq), seq FROM seq_1_to_200;
SET @leaf0 = (SELECT MIN(id) FROM categories WHERE name_zh LIKE '批量子类%') - 1;
INSERT INTO brands (name_zh, name_en, sort) SELECT CONCAT('批量品牌', seq), CONCAT('Bulk brand ', seq), 100 + seq
  FROM seq_1_to_100;
SET @brand0 = (SELECT MIN(id) FROM brands WHERE name_zh LIKE '批量品牌%') - 1;

-- 100,000 products: one in twenty sold out; the triggers of 025_fast.sql fill cat_root and the list snapshot.
INSERT INTO products (type, category_id, brand_id, name_zh, name_en, summary_zh, description_zh, description_en,
                      points_price, stock, initial_stock, sales, views, created_at)
  SELECT 'virtual', @leaf0 + 1 + seq % 200, @brand0 + 1 + seq % 100,
         CONCAT(ELT(seq % 10 + 1, '洗车', '电影', '健身', '咖啡', '加油', '话费', '流量', '酒店', '机票', '外卖'),
                '券 ', seq),
         CONCAT('Bulk item ', seq), '批量商品', '', '',
         100 + (seq * 7919) % 50000, IF(seq % 20 = 0, 0, 1000), 1000, (seq * 104729) % 10000, (seq * 1299709) % 50000,
         '2025-01-01' + INTERVAL (seq * 7) % 700 DAY + INTERVAL seq % 86400 SECOND
  FROM seq_1_to_100000;
INSERT INTO product_search (product_id, on_shelf, list_in_stock, rank_sales, title, body)
  SELECT p.id, p.on_shelf, p.list_in_stock, p.list_sales, CONCAT_WS(' ', p.name_zh, p.name_en), c.name_zh
  FROM products p JOIN categories c ON c.id = p.category_id WHERE p.name_en LIKE 'Bulk item %';

-- 200,000 members (password: the demo member's), ten earn entries and lots of 10 points each.
INSERT INTO members (mobile, name, password_hash, points_balance)
  SELECT CONCAT('17', LPAD(seq, 9, '0')), '', (SELECT password_hash FROM members WHERE mobile = '13800138000'), 100
  FROM seq_1_to_200000;
SET @m0 = (SELECT MIN(id) FROM members WHERE mobile LIKE '17%') - 1;
INSERT INTO points_lots (member_id, source, amount, remaining, expires_at, created_at)
  SELECT @m0 + 1 + seq % 200000, 'earn', 10, 10, '2027-01-01' + INTERVAL seq % 700 DAY,
         '2025-01-01' + INTERVAL seq % 600 DAY
  FROM seq_1_to_2000000;
INSERT INTO points_ledger (member_id, kind, amount, balance_after, note, created_at)
  SELECT @m0 + 1 + seq % 200000, 'earn', 10, 10 * (1 + (seq - 1) DIV 200000), '批量积分',
         '2025-01-01' + INTERVAL (seq - 1) DIV 200000 * 60 DAY + INTERVAL seq % 86400 SECOND
  FROM seq_1_to_2000000;

-- The demo member: 20,000 more entries and lots of one point each, all open: the page shows them ten at a time.
SET @demo = (SELECT id FROM members WHERE mobile = '13800138000');
INSERT INTO points_lots (member_id, source, amount, remaining, expires_at, created_at)
  SELECT @demo, 'earn', 1, 1, '2027-01-01' + INTERVAL seq % 700 DAY, '2025-01-01' + INTERVAL seq % 600 DAY
  FROM seq_1_to_20000;
SET @bal = (SELECT points_balance FROM members WHERE id = @demo);
INSERT INTO points_ledger (member_id, kind, amount, balance_after, note, created_at)
  SELECT @demo, 'earn', 1, @bal + seq, '批量积分', '2025-01-01' + INTERVAL seq MINUTE FROM seq_1_to_20000;
UPDATE members SET points_balance = points_balance + 20000 WHERE id = @demo;

-- 500,000 orders of the bulk members, completed or cancelled, without lines.
INSERT INTO orders (order_no, member_id, status, points_total, created_at)
  SELECT CONCAT('B', LPAD(seq, 16, '0')), @m0 + 1 + seq % 200000, IF(seq % 5 = 0, 'cancelled', 'completed'), 0,
         '2025-01-01' + INTERVAL seq % 600 DAY
  FROM seq_1_to_500000;

SET SESSION unique_checks = 1, foreign_key_checks = 1;
ANALYZE TABLE products, categories, brands, members, points_lots, points_ledger, orders;
