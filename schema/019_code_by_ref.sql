-- 019_code_by_ref.sql: SMS codes are looked up by mobile + purpose + ref (a payment code's ref is its order and amount),
-- so that is the index; (mobile, purpose) lookups use its prefix.
ALTER TABLE sms_codes DROP KEY by_mobile, ADD KEY by_ref (mobile, purpose, ref, id);
