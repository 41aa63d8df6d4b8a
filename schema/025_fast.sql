-- 025_fast.sql: product lists whose cost follows the page, not the table — the category subtree materialised
-- (cat_root), list-order snapshots (list_in_stock, list_sales, list_views: refreshed in batches, so keyset pages stay
-- stable while stock and sales move and a sale writes no list index), one index per (scope, sort), and keyset-friendly
-- member lists (open lots, ledger by kind, orders).
-- Scope leads each product index so the foreign keys on category_id / brand_id keep an index; on_shelf and
-- list_in_stock are equalities, then the sort key (the primary key id follows implicitly: the tie-break).
ALTER TABLE products
  ADD COLUMN cat_root INT NOT NULL DEFAULT 0 AFTER category_id,
  ADD COLUMN list_in_stock TINYINT NOT NULL DEFAULT 1,
  ADD COLUMN list_sales BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN list_views BIGINT NOT NULL DEFAULT 0;

UPDATE products p JOIN categories c ON c.id = p.category_id
  SET p.cat_root = COALESCE(c.parent_id, c.id), p.list_in_stock = p.in_stock, p.list_sales = p.sales,
      p.list_views = p.views;

ALTER TABLE products
  DROP INDEX by_sales, DROP INDEX by_new,
  ADD KEY all_sales (on_shelf, list_in_stock, list_sales),
  ADD KEY all_points (on_shelf, list_in_stock, points_price),
  ADD KEY all_views (on_shelf, list_in_stock, list_views),
  ADD KEY all_new (on_shelf, list_in_stock, created_at),
  ADD KEY root_sales (cat_root, on_shelf, list_in_stock, list_sales),
  ADD KEY root_points (cat_root, on_shelf, list_in_stock, points_price),
  ADD KEY root_views (cat_root, on_shelf, list_in_stock, list_views),
  ADD KEY root_new (cat_root, on_shelf, list_in_stock, created_at),
  ADD KEY cat_sales (category_id, on_shelf, list_in_stock, list_sales),
  ADD KEY cat_points (category_id, on_shelf, list_in_stock, points_price),
  ADD KEY cat_views (category_id, on_shelf, list_in_stock, list_views),
  ADD KEY cat_new (category_id, on_shelf, list_in_stock, created_at),
  ADD KEY brand_sales (brand_id, on_shelf, list_in_stock, list_sales),
  ADD KEY brand_points (brand_id, on_shelf, list_in_stock, points_price),
  ADD KEY brand_views (brand_id, on_shelf, list_in_stock, list_views),
  ADD KEY brand_new (brand_id, on_shelf, list_in_stock, created_at);
ALTER TABLE products DROP INDEX by_category, DROP INDEX by_brand;

-- Every writer (admin code, mallctl, bulk loads, hand-written SQL) keeps cat_root right; a new product enters the
-- list snapshot at once. A moved category re-roots its products in catalog_admin.c.
CREATE TRIGGER products_list_insert BEFORE INSERT ON products FOR EACH ROW
  SET NEW.cat_root = (SELECT COALESCE(c.parent_id, c.id) FROM categories c WHERE c.id = NEW.category_id),
      NEW.list_in_stock = NEW.stock > 0, NEW.list_sales = NEW.sales, NEW.list_views = NEW.views;
CREATE TRIGGER products_list_update BEFORE UPDATE ON products FOR EACH ROW
  SET NEW.cat_root = IF(NEW.category_id <=> OLD.category_id, NEW.cat_root,
                        (SELECT COALESCE(c.parent_id, c.id) FROM categories c WHERE c.id = NEW.category_id));

-- When the list snapshot was last refreshed (one row: the refresh runs once per interval across all machines).
CREATE TABLE list_refresh (
  id TINYINT NOT NULL PRIMARY KEY,
  refreshed_at DATETIME(6) NOT NULL
) ENGINE=InnoDB;
INSERT INTO list_refresh VALUES (1, NOW(6));

-- Member lists: open lots in expiry order without reading spent ones; the ledger filtered by kind, newest first.
ALTER TABLE points_lots ADD COLUMN open_left TINYINT AS (status = 'open' AND remaining > 0) STORED,
  ADD KEY open_lots (member_id, open_left, expires_at);
ALTER TABLE points_ledger ADD KEY by_member_kind (member_id, kind, id);
ALTER TABLE orders ADD KEY by_member_id (member_id, id);

-- Search ranks inside Mroonga: the search copy carries what the ranking and filters need (on_shelf, the list snapshot's
-- in-stock flag and sales), so a search is one table, a MATCH and equalities — the shape Mroonga's ORDER BY … LIMIT
-- optimisation takes (Mroonga_fast_order_limit counts it). catalog_lists_refresh keeps these in step.
ALTER TABLE product_search
  ADD COLUMN on_shelf TINYINT NOT NULL DEFAULT 1,
  ADD COLUMN list_in_stock TINYINT NOT NULL DEFAULT 1,
  ADD COLUMN rank_sales BIGINT NOT NULL DEFAULT 0;
UPDATE product_search s JOIN products p ON p.id = s.product_id
  SET s.on_shelf = p.on_shelf, s.list_in_stock = p.list_in_stock, s.rank_sales = p.list_sales;
