-- 036_finance_report.sql: the points liability at each ended month's close, by enterprise (finance_report.c, P5).
-- Written once, an hour after the month ended (the ledger only grows and its entries keep the time they were
-- written), so the next month's report reads its opening here instead of summing the whole ledger.
CREATE TABLE points_month_closings (
  month CHAR(7) NOT NULL,
  enterprise VARCHAR(64) NOT NULL,
  closing BIGINT NOT NULL,
  PRIMARY KEY (month, enterprise)
) ENGINE=InnoDB;
-- A month whose closings are all in the table above (written in the same transaction).
CREATE TABLE points_months_closed (
  month CHAR(7) NOT NULL PRIMARY KEY,
  closed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;
