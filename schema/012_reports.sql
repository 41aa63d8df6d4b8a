-- 012_reports.sql: indexes for the back-office reports (B9): ledger sums by time, redemptions by payment time
ALTER TABLE points_ledger ADD KEY by_time (created_at, kind, amount);
ALTER TABLE orders ADD KEY by_paid (paid_at, status);
