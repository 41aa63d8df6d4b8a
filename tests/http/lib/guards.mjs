// guards.mjs: activities with circuit breakers (F2) made with SQL, the mall day turned over for them, and their state.
import { randomInt } from 'node:crypto';
import { sql } from './stack.mjs';

// A running activity over `products` with the given guards → its id.
export function makeActivity(products, { budget = 0, cash = 0, cap = 0, style = 'normal', message = '' } = {}) {
  const title = `guard test ${randomInt(1e9)}`;
  sql(`INSERT INTO activities (title_zh, title_en, rules_zh, rules_en, starts_at, ends_at, style, points_budget,
         cash_budget_fen, member_day_cap, trip_message_zh)
       VALUES ('${title}', '', '规则', '', NOW() - INTERVAL 1 DAY, NOW() + INTERVAL 7 DAY, '${style}', ${Number(budget)},
         ${Number(cash)}, ${Number(cap)}, '${message.replace(/'/g, '')}')`);
  const id = Number(sql(`SELECT id FROM activities WHERE title_zh = '${title}'`));
  if (products.length)
    sql(`INSERT INTO activity_products (activity_id, product_id, sort) VALUES ${products.map((p, i) => `(${id}, ${Number(p)}, ${i})`).join(',')}`);
  return id;
}

// "The next day" for the guards: their counters of today become yesterday's (the mall's clock is the database's,
// so the test moves the rows rather than the clock). Every activity's and member's counts, as a day turning would.
export function nextDay({ activity, members = [] } = {}) {
  if (activity) sql(`UPDATE activity_days SET day = day - INTERVAL 1 DAY WHERE activity_id = ${Number(activity)} ORDER BY day`);
  if (members.length)
    sql(`UPDATE member_day_counts SET day = day - INTERVAL 1 DAY WHERE member_id IN (${members.map(Number).join(',')}) ORDER BY day`);
}

// Today's counter row of an activity → { points, cash, orders, tripped } (null without one).
export function budgetToday(activity) {
  const row = sql(`SELECT points_spent, cash_spent_fen, orders, tripped_at IS NOT NULL FROM activity_days
                   WHERE activity_id = ${Number(activity)} AND day = CURDATE()`);
  if (!row) return null;
  const [points, cash, orders, tripped] = row.split('\t').map(Number);
  return { points, cash, orders, tripped: tripped === 1 };
}
