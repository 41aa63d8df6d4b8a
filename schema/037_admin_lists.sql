-- 037_admin_lists.sql: indexes that let the back office's order list read only the page it shows: newest first
-- within a status, and the id range of a creation-date range.
ALTER TABLE orders ADD KEY by_status_id (status, id), ADD KEY by_created (created_at);
-- The audit log filtered by entity alone, newest first.
ALTER TABLE audit_log ADD KEY by_entity_at (entity, id);
