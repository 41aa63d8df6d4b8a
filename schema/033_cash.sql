-- 033_cash.sql: points + cash (C5). The cash part of an order is paid through a payment provider first; a
-- payment row per attempt, its state moved only by conditional UPDATEs (created → paid | failed; paid →
-- refund_pending → refunded). orders.cash_payment_id names the one payment that paid the order's cash part:
-- set once (… WHERE cash_payment_id IS NULL), so a second payment that succeeds is refunded, never kept.
CREATE TABLE payments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL,
  provider VARCHAR(16) NOT NULL,
  trade_no CHAR(24) NOT NULL,                      -- ours, sent to the provider ("C" + 23 digits)
  provider_trade_no VARCHAR(64) NOT NULL DEFAULT '', -- the provider's, from its notification or query
  amount_fen BIGINT NOT NULL,
  state ENUM('created','paid','failed','refund_pending','refunded') NOT NULL DEFAULT 'created',
  note VARCHAR(200) NOT NULL DEFAULT '',           -- why it failed or is refunded (for people)
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  paid_at DATETIME NULL,
  failed_at DATETIME NULL,
  refund_requested_at DATETIME NULL,
  refunded_at DATETIME NULL,
  refund_tries INT NOT NULL DEFAULT 0,
  -- at most one open (created) payment per order: a double submit of "pay at the cashier" gets the same trade
  open_order_id BIGINT AS (IF(state = 'created', order_id, NULL)) STORED,
  UNIQUE KEY by_trade (trade_no),
  UNIQUE KEY one_open (open_order_id),
  KEY by_order (order_id, id),
  KEY by_state (state, id),
  KEY by_paid (paid_at),
  KEY by_refunded (refunded_at),
  CONSTRAINT fk_payment_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT payment_amount CHECK (amount_fen > 0)
) ENGINE=InnoDB;

ALTER TABLE orders ADD COLUMN cash_payment_id BIGINT NULL AFTER cash_total_fen;

-- The sandbox provider's own books (it plays the hosted cashier in development and tests): one trade per payment,
-- and the signed notifications it owes the mall, retried until the mall acknowledges (an outbox in the shared
-- database: a notification survives FastCGI restarts and is sent by whichever machine's job gets to it first).
CREATE TABLE sandbox_trades (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  trade_no CHAR(24) NOT NULL,            -- the merchant's (mall's) trade number
  sandbox_no CHAR(20) NOT NULL,          -- the provider's own number ("SBX" + 17 digits)
  amount_fen BIGINT NOT NULL,
  subject VARCHAR(120) NOT NULL DEFAULT '',
  notify_url VARCHAR(255) NOT NULL,
  return_url VARCHAR(255) NOT NULL,
  state ENUM('open','paid','failed','closed','refunded') NOT NULL DEFAULT 'open',
  refunded_fen BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  finished_at DATETIME NULL,
  UNIQUE KEY by_trade (trade_no),
  UNIQUE KEY by_sandbox_no (sandbox_no)
) ENGINE=InnoDB;

CREATE TABLE sandbox_notifications (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  trade_no CHAR(24) NOT NULL,
  url VARCHAR(255) NOT NULL,
  body VARCHAR(1000) NOT NULL,           -- the signed form body, sent as is on every try
  tries INT NOT NULL DEFAULT 0,
  next_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  acked_at DATETIME NULL,
  last_error VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY by_due (acked_at, next_at),
  KEY by_trade (trade_no)
) ENGINE=InnoDB;
