-- 021_in_stock_first.sql: product lists show sold-out products last; in_stock (derived from stock) leads the list indexes so "in stock first, then by sales / newest" still reads one index in order, without a filesort.
ALTER TABLE products
  ADD COLUMN in_stock TINYINT AS (stock > 0) STORED AFTER stock,
  DROP INDEX by_sales, ADD KEY by_sales (on_shelf, in_stock, sales),
  DROP INDEX by_new, ADD KEY by_new (on_shelf, in_stock, created_at);
