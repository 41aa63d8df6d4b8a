-- 002_catalog.sql: categories, brands, merchants, products, search copy, reviews, Q&A, content
CREATE TABLE categories (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id INT NULL,
  name_zh VARCHAR(64) NOT NULL,
  name_en VARCHAR(64) NOT NULL DEFAULT '',
  icon VARCHAR(255) NOT NULL DEFAULT '',
  sort INT NOT NULL DEFAULT 0,
  KEY by_parent (parent_id, sort)
) ENGINE=InnoDB;

CREATE TABLE brands (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name_zh VARCHAR(64) NOT NULL,
  name_en VARCHAR(64) NOT NULL DEFAULT '',
  logo VARCHAR(255) NOT NULL DEFAULT '',
  sort INT NOT NULL DEFAULT 0
) ENGINE=InnoDB;

CREATE TABLE merchants (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  address VARCHAR(255) NOT NULL DEFAULT '',
  phone VARCHAR(32) NOT NULL DEFAULT '',
  status ENUM('active','disabled') NOT NULL DEFAULT 'active',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;

CREATE TABLE products (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  type ENUM('physical','voucher','virtual') NOT NULL DEFAULT 'physical',
  category_id INT NOT NULL,
  brand_id INT NULL,
  merchant_id INT NULL,
  name_zh VARCHAR(120) NOT NULL,
  name_en VARCHAR(160) NOT NULL DEFAULT '',
  summary_zh VARCHAR(255) NOT NULL DEFAULT '',
  summary_en VARCHAR(255) NOT NULL DEFAULT '',
  description_zh TEXT NOT NULL,
  description_en TEXT NOT NULL,
  points_price BIGINT NOT NULL,
  cash_price_fen BIGINT NOT NULL DEFAULT 0,
  stock BIGINT NOT NULL DEFAULT 0,
  initial_stock BIGINT NOT NULL DEFAULT 0,
  per_member_limit INT NOT NULL DEFAULT 0,
  image VARCHAR(255) NOT NULL DEFAULT '',
  on_shelf TINYINT NOT NULL DEFAULT 1,
  sales BIGINT NOT NULL DEFAULT 0,
  views BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY by_category (category_id, on_shelf),
  KEY by_brand (brand_id, on_shelf),
  KEY by_sales (on_shelf, sales),
  KEY by_new (on_shelf, created_at),
  CONSTRAINT fk_product_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_product_brand FOREIGN KEY (brand_id) REFERENCES brands (id),
  CONSTRAINT fk_product_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (id),
  CONSTRAINT stock_not_negative CHECK (stock >= 0),
  CONSTRAINT price_not_negative CHECK (points_price >= 0 AND cash_price_fen >= 0)
) ENGINE=InnoDB;

CREATE TABLE product_images (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id BIGINT NOT NULL,
  url VARCHAR(255) NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  KEY by_product (product_id, sort),
  CONSTRAINT fk_image_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB;

-- Mroonga is not transactional: this is a rebuildable search copy of products, never the truth.
-- TokenBigram splits CJK text into overlapping pairs, so two-character words like 洗车 match.
CREATE TABLE product_search (
  product_id BIGINT NOT NULL PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  FULLTEXT INDEX ft_title (title) COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"',
  FULLTEXT INDEX ft_body (body) COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"',
  FULLTEXT INDEX ft_all (title, body) COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"'
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4;

CREATE TABLE reviews (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL,
  order_item_id BIGINT NULL,
  score TINYINT NOT NULL,
  content VARCHAR(1000) NOT NULL,
  status ENUM('pending','approved','hidden') NOT NULL DEFAULT 'pending',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_product (product_id, status, id),
  UNIQUE KEY one_per_item (order_item_id),
  CONSTRAINT score_range CHECK (score BETWEEN 1 AND 5)
) ENGINE=InnoDB;

CREATE TABLE consultations (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL,
  question VARCHAR(500) NOT NULL,
  answer VARCHAR(1000) NULL,
  answered_at DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_product (product_id, id)
) ENGINE=InnoDB;

CREATE TABLE favorites (
  member_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (member_id, product_id)
) ENGINE=InnoDB;

CREATE TABLE notices (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title_zh VARCHAR(200) NOT NULL,
  title_en VARCHAR(200) NOT NULL DEFAULT '',
  body_zh TEXT NOT NULL,
  body_en TEXT NOT NULL,
  pinned TINYINT NOT NULL DEFAULT 0,
  published_at DATETIME NOT NULL,
  KEY by_date (published_at)
) ENGINE=InnoDB;

CREATE TABLE banners (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title_zh VARCHAR(200) NOT NULL,
  title_en VARCHAR(200) NOT NULL DEFAULT '',
  image VARCHAR(255) NOT NULL,
  link VARCHAR(255) NOT NULL DEFAULT '/',
  sort INT NOT NULL DEFAULT 0,
  starts_at DATETIME NOT NULL,
  ends_at DATETIME NOT NULL
) ENGINE=InnoDB;

CREATE TABLE ads (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title_zh VARCHAR(200) NOT NULL,
  title_en VARCHAR(200) NOT NULL DEFAULT '',
  image VARCHAR(255) NOT NULL,
  link VARCHAR(255) NOT NULL DEFAULT '/',
  position VARCHAR(32) NOT NULL DEFAULT 'home',
  sort INT NOT NULL DEFAULT 0,
  starts_at DATETIME NOT NULL,
  ends_at DATETIME NOT NULL
) ENGINE=InnoDB;

CREATE TABLE activities (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title_zh VARCHAR(200) NOT NULL,
  title_en VARCHAR(200) NOT NULL DEFAULT '',
  summary_zh VARCHAR(500) NOT NULL DEFAULT '',
  summary_en VARCHAR(500) NOT NULL DEFAULT '',
  rules_zh TEXT NOT NULL,
  rules_en TEXT NOT NULL,
  image VARCHAR(255) NOT NULL DEFAULT '',
  starts_at DATETIME NOT NULL,
  ends_at DATETIME NOT NULL,
  KEY by_window (starts_at, ends_at)
) ENGINE=InnoDB;

CREATE TABLE activity_products (
  activity_id INT NOT NULL,
  product_id BIGINT NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  PRIMARY KEY (activity_id, product_id)
) ENGINE=InnoDB;
