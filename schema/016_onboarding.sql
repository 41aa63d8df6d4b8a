-- 016_onboarding.sql: settlement lookups by statement (V7) — a statement's vouchers are read and re-attached by it
ALTER TABLE vouchers ADD KEY by_settlement (settlement_id);
