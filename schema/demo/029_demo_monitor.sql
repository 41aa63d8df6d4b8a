-- 029_demo_monitor.sql: a read-only `monitor` account for the client's representatives (F1), password Admin@2026.
INSERT INTO admins (username, password_hash, role) VALUES ('monitor', 'demo:Admin@2026', 'monitor');
