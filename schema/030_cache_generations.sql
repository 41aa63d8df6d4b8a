-- 030_cache_generations.sql: the cache counters every app machine reads (generations.c). A change that per-process
-- caches hold raises its row in the same transaction as the change: 1 catalog (storefront pages), 2 accounts (every
-- cached session at once), 3 blacklist; 1000 + (principal id mod 4096) one slot of principals' header data (a member's
-- balance and cart), 10000 + (principal id mod 4096) one slot of principals' sessions (sign-out, session drop, freeze,
-- password change). A raised row goes to at least the time in
-- microseconds, so a database restored from an older backup still moves every counter forward.
-- Readers: a request with a session cookie reads rows 1-3 and its principal's two slots in one primary-key read before
-- it trusts a cached session; any other request at most once a second per process.
CREATE TABLE cache_generations (
  id INT NOT NULL PRIMARY KEY,
  gen BIGINT NOT NULL DEFAULT 0
) ENGINE=InnoDB;
INSERT INTO cache_generations (id, gen) VALUES (1, 1), (2, 1), (3, 1);
-- The 4,096 slots of each kind (a cross join of three hex digits: max_recursive_iterations stops a recursive CTE at 1000).
INSERT INTO cache_generations (id, gen)
  SELECT k.base + a.d * 256 + b.d * 16 + c.d, 1 FROM (SELECT 1000 AS base UNION ALL SELECT 10000) k,
    (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
     UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10 UNION ALL SELECT 11
     UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14 UNION ALL SELECT 15) a,
    (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
     UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10 UNION ALL SELECT 11
     UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14 UNION ALL SELECT 15) b,
    (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
     UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10 UNION ALL SELECT 11
     UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14 UNION ALL SELECT 15) c;
