-- 038_ledger_kinds.sql: every ledger kind at once. 032 (coupons) and 034 (partner API) were written side by side and
-- each listed the kinds it knew: applied in order, 034 (as first written) dropped 'coupon'. This puts the whole list back
-- on a database that ran that version.
ALTER TABLE points_ledger MODIFY kind ENUM('earn','spend','refund','expire','grant','adjust','offline','scan','coupon',
  'api_earn','api_spend','api_reverse') NOT NULL;
