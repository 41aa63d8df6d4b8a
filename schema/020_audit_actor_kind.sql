-- 020_audit_actor_kind.sql: the audit log also records merchant-portal accounts' changes (staff accounts); admin_id then
-- holds the merchant account's id and actor_kind says which it is.
ALTER TABLE audit_log ADD COLUMN actor_kind ENUM('admin', 'merchant') NOT NULL DEFAULT 'admin' AFTER id;
