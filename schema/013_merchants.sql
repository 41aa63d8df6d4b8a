-- 013_merchants.sql: vouchers, verification attempts, merchant applications, settlements, member cards, offline payments
ALTER TABLE products
  ADD COLUMN settle_price_fen BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN voucher_valid_days INT NOT NULL DEFAULT 30;

CREATE TABLE vouchers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  voucher_no CHAR(16) NOT NULL,
  order_id BIGINT NOT NULL,
  order_item_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL,
  merchant_id INT NOT NULL,
  product_id BIGINT NOT NULL,
  password_hash CHAR(64) NOT NULL,
  status ENUM('issued','redeemed','voided','expired') NOT NULL DEFAULT 'issued',
  valid_from DATE NOT NULL,
  valid_to DATE NOT NULL,
  points BIGINT NOT NULL,
  settle_price_fen BIGINT NOT NULL,
  failed_attempts INT NOT NULL DEFAULT 0,
  locked_at DATETIME NULL,
  redeemed_at DATETIME NULL,
  redeemed_by INT NULL,
  settlement_id BIGINT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY by_no (voucher_no),
  KEY by_order (order_id),
  KEY by_member (member_id, id),
  KEY by_merchant (merchant_id, status, redeemed_at),
  CONSTRAINT fk_voucher_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT fk_voucher_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (id)
) ENGINE=InnoDB;

-- Every verification attempt, right or wrong, by whom (V5).
CREATE TABLE voucher_attempts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  merchant_id INT NOT NULL,
  merchant_user_id INT NOT NULL,
  voucher_no VARCHAR(32) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  ip VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_user (merchant_user_id, created_at),
  KEY by_voucher (voucher_no, id)
) ENGINE=InnoDB;

CREATE TABLE merchant_applications (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company VARCHAR(100) NOT NULL,
  contact VARCHAR(32) NOT NULL,
  mobile CHAR(11) NOT NULL,
  address VARCHAR(200) NOT NULL,
  category VARCHAR(32) NOT NULL,
  licence_no VARCHAR(32) NOT NULL,
  licence_image VARCHAR(255) NOT NULL DEFAULT '',
  username VARCHAR(64) NOT NULL,
  status ENUM('submitted','first_approved','approved','rejected') NOT NULL DEFAULT 'submitted',
  first_reviewer INT NULL,
  first_reason VARCHAR(200) NOT NULL DEFAULT '',
  first_at DATETIME NULL,
  final_reviewer INT NULL,
  final_reason VARCHAR(200) NOT NULL DEFAULT '',
  final_at DATETIME NULL,
  merchant_id INT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_status (status, id)
) ENGINE=InnoDB;

CREATE TABLE settlements (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  merchant_id INT NOT NULL,
  month CHAR(7) NOT NULL,
  vouchers INT NOT NULL DEFAULT 0,
  amount_fen BIGINT NOT NULL DEFAULT 0,
  points BIGINT NOT NULL DEFAULT 0,
  status ENUM('draft','submitted','approved','rejected','paid') NOT NULL DEFAULT 'draft',
  reject_reason VARCHAR(200) NOT NULL DEFAULT '',
  submitted_at DATETIME NULL,
  reviewed_by INT NULL,
  reviewed_at DATETIME NULL,
  paid_at DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY one_per_month (merchant_id, month),
  CONSTRAINT fk_settlement_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (id)
) ENGINE=InnoDB;

-- Member card (A8) and its payment password, separate from the login password.
ALTER TABLE members
  ADD COLUMN card_no CHAR(16) NULL,
  ADD COLUMN pay_password_hash VARCHAR(255) NULL,
  ADD COLUMN pay_failures INT NOT NULL DEFAULT 0,
  ADD COLUMN pay_locked_until DATETIME NULL,
  ADD UNIQUE KEY by_card (card_no);

-- Offline points payments at a merchant terminal (V8): ledger kind 'offline', one entry per payment.
ALTER TABLE points_ledger MODIFY kind ENUM('earn','spend','refund','expire','grant','adjust','offline') NOT NULL;
CREATE TABLE offline_payments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  receipt_no CHAR(18) NOT NULL,
  member_id BIGINT NOT NULL,
  merchant_id INT NOT NULL,
  merchant_user_id INT NOT NULL,
  points BIGINT NOT NULL,
  ledger_id BIGINT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY by_receipt (receipt_no),
  KEY by_member (member_id, id),
  KEY by_merchant (merchant_id, id)
) ENGINE=InnoDB;
