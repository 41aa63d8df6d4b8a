-- 048_order_pay_usual.sql: the usual payment (one product, no activity or daily cap, no per-member limit, no voucher,
-- points only, a right and live SMS code, no lot past its date) as one procedure: the whole transaction in one round
-- trip and without a protocol exchange per statement (a point UPDATE costs the database ~27 µs of CPU as a prepared
-- statement of its own and ~8 µs inside a procedure, measured serially). The same statements as the C path
-- (cgi/domain/orders/orders.c pay_body, points.c points_spend, sms.c CODE_USE_MATCHING) in the same order, so the
-- same locks are taken in the same order. Anything else — a wrong or used code, an order no longer pending, too few
-- points, a frozen member, a lot past its date, the stock gone or off the shelf, the mall paused — rolls everything
-- back and signals SQLSTATE 45000: the caller then goes the C way, which learns why and answers it (orders.c
-- order_pay_with_code). Any error rolls back too (the handler), so a failed CALL never leaves a transaction open.
CREATE PROCEDURE order_pay_usual(IN p_order BIGINT, IN p_member BIGINT, IN p_points BIGINT, IN p_product BIGINT,
                                 IN p_quantity BIGINT, IN p_mobile CHAR(11), IN p_ref VARCHAR(128),
                                 IN p_code_hash CHAR(64), IN p_max_tries INT, IN p_entry_note VARCHAR(200),
                                 IN p_once_key VARCHAR(64), IN p_event_note VARCHAR(255), IN p_gen_row INT)
MODIFIES SQL DATA
BEGIN
  DECLARE v_entry, v_lot, v_left, v_take BIGINT;
  DECLARE v_remaining BIGINT;
  DECLARE v_due TINYINT;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;
  START TRANSACTION;
  UPDATE sms_codes SET attempts = attempts + 1, used_at = NOW()
    WHERE mobile = p_mobile AND purpose = 'pay' AND ref = p_ref AND code_hash = p_code_hash AND used_at IS NULL
      AND attempts < p_max_tries AND expires_at > NOW();
  IF ROW_COUNT() <> 1 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'order_pay_usual: the code';
  END IF;
  -- The order first (the C path's lock order), with the mall switch share-locked in the statement.
  UPDATE orders o JOIN mall_switch guard_switch ON guard_switch.id = 1 AND guard_switch.paused = 0
    SET o.status = 'paid', o.paid_at = NOW(), o.stock_taken = 1
    WHERE o.id = p_order AND o.member_id = p_member AND o.status = 'pending'
      AND (o.cash_total_fen = 0 OR o.cash_payment_id IS NOT NULL)
      AND o.points_total = p_points;
  IF ROW_COUNT() <> 1 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'order_pay_usual: the order';
  END IF;
  UPDATE members SET points_balance = points_balance - p_points
    WHERE id = p_member AND points_balance >= p_points AND status = 'active';
  IF ROW_COUNT() <> 1 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'order_pay_usual: the balance';
  END IF;
  INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, order_id, note, once_key)
    SELECT id, 'spend', -p_points, points_balance, NULL, p_order, p_entry_note, p_once_key FROM members
    WHERE id = p_member;
  SET v_entry = LAST_INSERT_ID(), v_left = p_points;
  -- Oldest expiry first (FIFO), one open lot at a time: an emptied lot no longer matches. Past its date, the C way
  -- expires it first.
  WHILE v_left > 0 DO
    SET v_lot = NULL;
    SELECT id, remaining, expires_at < CURDATE() INTO v_lot, v_remaining, v_due FROM points_lots
      WHERE member_id = p_member AND status = 'open' AND remaining > 0 ORDER BY expires_at, id LIMIT 1 FOR UPDATE;
    IF v_lot IS NULL OR v_due THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'order_pay_usual: the lots';
    END IF;
    SET v_take = LEAST(v_remaining, v_left);
    UPDATE points_lots SET remaining = remaining - v_take WHERE id = v_lot AND remaining >= v_take;
    INSERT INTO points_allocations (ledger_id, lot_id, amount) VALUES (v_entry, v_lot, v_take);
    SET v_left = v_left - v_take;
  END WHILE;
  INSERT INTO order_events (order_id, kind, note) VALUES (p_order, 'paid', p_event_note);
  -- The hot row last, with the member's cache generation row raised in the same statement (orders.c
  -- SQL_STOCK_TAKE_RAISE): 1 or 2 rows when the stock was taken.
  UPDATE products p LEFT JOIN cache_generations g ON g.id = p_gen_row
    SET p.stock = p.stock - p_quantity, p.sales = p.sales + p_quantity,
        g.gen = GREATEST(g.gen + 1, CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS SIGNED))
    WHERE p.id = p_product AND p.stock >= p_quantity AND p.on_shelf = 1;
  IF ROW_COUNT() < 1 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'order_pay_usual: the stock';
  END IF;
  COMMIT;
END;
