-- 043_more_lists.sql: indexes that let the remaining back-office and merchant-portal lists read only the page they
-- show (README "Lists"): each filter shape reads one index in the list's order and stops at the page.
-- Back-office products, newest first within one scope: a top-level category's subtree (cat_root), a sub-category,
-- a brand, a type, a shelf state, low stock. low_stock is derived from stock (CATALOG_LOW_STOCK = 10 in
-- catalog_admin.h): its index entry changes only when a product crosses the threshold, so a sale writes it rarely.
ALTER TABLE products
  ADD COLUMN low_stock TINYINT AS (stock <= 10) PERSISTENT,
  ADD KEY adm_root (cat_root, id),
  ADD KEY adm_cat (category_id, id),
  ADD KEY adm_brand (brand_id, id),
  ADD KEY adm_type (type, id),
  ADD KEY adm_shelf (on_shelf, id),
  ADD KEY adm_low (low_stock, id);
-- Settlements, newest month first and merchants in id order within a month (a descending key part reads in that
-- order forward), also within one status; one merchant's months are one_per_month read backward.
ALTER TABLE settlements
  ADD KEY adm_month (month DESC, merchant_id),
  ADD KEY adm_status (status, month DESC, merchant_id);
-- A merchant's vouchers newest first by issue time (all, or in one status), and by redemption time.
ALTER TABLE vouchers
  ADD KEY mv_created (merchant_id, created_at),
  ADD KEY mv_status_created (merchant_id, status, created_at),
  ADD KEY mv_redeemed (merchant_id, redeemed_at);
-- Moderation queues, newest first within one state: reviews by status; consultations by answered or not (derived).
ALTER TABLE reviews ADD KEY mod_status (status, id);
ALTER TABLE consultations
  ADD COLUMN answered TINYINT AS (answer IS NOT NULL) STORED,
  ADD KEY mod_answered (answered, id);
-- Blacklist entries newest first: of one kind; not removed (the active ones, expiry checked on the rows read), also
-- of one kind.
ALTER TABLE blacklist_entries
  ADD KEY bl_kind (kind, id),
  ADD KEY bl_removed (removed_at, id),
  ADD KEY bl_kind_removed (kind, removed_at, id);
-- The content admin lists in their order (the primary key last, implicitly).
ALTER TABLE notices ADD KEY ct_list (pinned, published_at);
ALTER TABLE banners ADD KEY ct_list (sort);
ALTER TABLE ads ADD KEY ct_list (position, sort);
ALTER TABLE activities ADD KEY ct_list (starts_at);
