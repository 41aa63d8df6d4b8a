-- 004_orders.sql: cart, addresses, orders and their lines, logistics events, points allocations, inbox, messages
CREATE TABLE addresses (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id BIGINT NOT NULL,
  recipient VARCHAR(32) NOT NULL,
  mobile CHAR(11) NOT NULL,
  province VARCHAR(32) NOT NULL,
  city VARCHAR(32) NOT NULL,
  district VARCHAR(32) NOT NULL,
  detail VARCHAR(200) NOT NULL,
  is_default TINYINT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_member (member_id, is_default),
  CONSTRAINT fk_address_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB;

CREATE TABLE cart_items (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  quantity INT NOT NULL,
  selected TINYINT NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY one_line (member_id, product_id),
  CONSTRAINT fk_cart_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT fk_cart_product FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT cart_quantity CHECK (quantity > 0)
) ENGINE=InnoDB;

-- Stock is taken when an order is paid (inside the payment transaction), not when it is created,
-- so unpaid orders never block a sale; cancelling a paid order puts the stock back.
CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_no CHAR(17) NOT NULL,
  member_id BIGINT NOT NULL,
  status ENUM('pending','paid','shipped','completed','cancelled') NOT NULL DEFAULT 'pending',
  points_total BIGINT NOT NULL,
  cash_total_fen BIGINT NOT NULL DEFAULT 0,
  needs_shipping TINYINT NOT NULL DEFAULT 0,
  recipient VARCHAR(32) NOT NULL DEFAULT '',
  mobile CHAR(11) NOT NULL DEFAULT '',
  region VARCHAR(100) NOT NULL DEFAULT '',
  address_detail VARCHAR(200) NOT NULL DEFAULT '',
  remark VARCHAR(200) NOT NULL DEFAULT '',
  carrier VARCHAR(32) NOT NULL DEFAULT '',
  tracking_no VARCHAR(64) NOT NULL DEFAULT '',
  stock_taken TINYINT NOT NULL DEFAULT 0,
  refunded TINYINT NOT NULL DEFAULT 0,
  cancel_reason VARCHAR(200) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  paid_at DATETIME NULL,
  shipped_at DATETIME NULL,
  completed_at DATETIME NULL,
  cancelled_at DATETIME NULL,
  UNIQUE KEY by_no (order_no),
  KEY by_member (member_id, status, id),
  KEY by_status (status, created_at),
  CONSTRAINT fk_order_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT order_totals CHECK (points_total >= 0 AND cash_total_fen >= 0)
) ENGINE=InnoDB;

CREATE TABLE order_items (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  product_type ENUM('physical','voucher','virtual') NOT NULL,
  name VARCHAR(160) NOT NULL,
  image VARCHAR(255) NOT NULL DEFAULT '',
  points_price BIGINT NOT NULL,
  cash_price_fen BIGINT NOT NULL DEFAULT 0,
  quantity INT NOT NULL,
  KEY by_order (order_id),
  KEY by_product (product_id),
  CONSTRAINT fk_item_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT fk_item_product FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT item_quantity CHECK (quantity > 0)
) ENGINE=InnoDB;

-- Logistics timeline and order history (created, paid, shipped, event, completed, cancelled).
CREATE TABLE order_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  note VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_order (order_id, id),
  CONSTRAINT fk_event_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB;

-- Which lots a spend used, so a refund returns points to the same lots with their expiry.
CREATE TABLE points_allocations (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ledger_id BIGINT NOT NULL,
  lot_id BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  refunded BIGINT NOT NULL DEFAULT 0,
  KEY by_ledger (ledger_id),
  KEY by_lot (lot_id),
  CONSTRAINT fk_alloc_ledger FOREIGN KEY (ledger_id) REFERENCES points_ledger (id),
  CONSTRAINT fk_alloc_lot FOREIGN KEY (lot_id) REFERENCES points_lots (id),
  CONSTRAINT alloc_amounts CHECK (amount > 0 AND refunded >= 0 AND refunded <= amount)
) ENGINE=InnoDB;

ALTER TABLE points_lots ADD COLUMN reminded_at DATETIME NULL;
ALTER TABLE points_ledger ADD KEY by_order (order_id, kind);
-- A spend or refund happens at most once per order: the database itself refuses a second one (I6).
ALTER TABLE points_ledger ADD COLUMN once_key VARCHAR(64) NULL, ADD UNIQUE KEY by_once (once_key);

CREATE TABLE inbox (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  title VARCHAR(200) NOT NULL,
  body VARCHAR(1000) NOT NULL DEFAULT '',
  link VARCHAR(255) NOT NULL DEFAULT '',
  dedupe_key VARCHAR(100) NULL,
  read_at DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_member (member_id, id),
  UNIQUE KEY by_dedupe (dedupe_key)
) ENGINE=InnoDB;

CREATE TABLE messages (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id BIGINT NOT NULL,
  content VARCHAR(1000) NOT NULL,
  status ENUM('pending','approved','rejected') NOT NULL DEFAULT 'pending',
  reply VARCHAR(1000) NULL,
  replied_at DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_member (member_id, id),
  KEY by_status (status, id)
) ENGINE=InnoDB;
