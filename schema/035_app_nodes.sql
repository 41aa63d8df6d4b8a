-- 035_app_nodes.sql: the app machines serving this database (generations.c). Every FastCGI process of a machine
-- refreshes its machine's row at least every 10 s while it serves; a row older than 30 s is a machine gone. A machine
-- that finds no other live row is alone: it trusts its own cache counters (the file under var/run) and skips the
-- per-request read of cache_generations. A machine joining waits 2 s after its row is written before it serves, so
-- every machine that was alone has read the new row (they read the registry once a second) before the newcomer can
-- change anything they cache.
CREATE TABLE app_nodes (
  node CHAR(32) NOT NULL PRIMARY KEY,
  joined_at DATETIME(3) NOT NULL,
  seen_at DATETIME(3) NOT NULL
) ENGINE=InnoDB;
