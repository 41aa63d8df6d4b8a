-- flash_pay.lua: wrk script for the timed payments of tests/bench/flash.mjs (the flash sale of scripts/bench.sh):
-- POST /order/{no}/pay (csrf, code) for the pending orders and SMS codes flash.mjs set up through HTTP. wrk instead of
-- Node's http client because the driver shares the server's 2 cores: Node spent ~300 µs of CPU per payment.
--   wrk -t1 -c<buyers> -d<safety cap> -s flash_pay.lua <url> -- <file> <warm-up s> <window s> <activity 0|1>
-- file: one line per order, tab-separated: buyer index, path (/order/{no}/pay), form body, Cookie header value;
-- a buyer's orders in the order they are to be paid.
-- Like the Node driver, a buyer has at most one request in flight (its member row and session are its own): each
-- answer names its order (the 303's Location, else the page), which frees that buyer for its next order.
-- Answers: 303 → /order/{no}/done is paid. 303 → /order/{no}/pay is a refusal whose page the server kept for the GET
-- (POST/redirect/GET, with a <realm>_pr cookie): that buyer fetches it next, as a browser would (not a payment, not
-- timed), and with an activity a 409 saying 谢谢参与 is the tripped budget refusing (counted apart, not a failure);
-- anything else is a failure, counted by its status and the page's error.
-- Timing by the script's own clock (CLOCK_MONOTONIC), from the first payment sent: warm-up, then the window. A payment
-- is in the window when sent at or after its start and answered by its end (the end comes earlier when a buyer runs
-- out of orders) — as the Node driver counts. After the window no payment is sent (a connection gets an empty request
-- and idles); once every payment sent is answered the script stops wrk itself (SIGINT to its own process ends the
-- main thread's sleep), so paid in all counts every payment the server took. -d is only a cap: should it end the run,
-- the payments still unanswered are reported (their outcome is unknown).
-- done() prints, for flash.mjs:
--   WRKPAY <paid in window> <pay requests in window> <window s> <p50 ms> <p99 ms> <paid in all> <tripped> <failed>
--          <payments sent> <payments answered> <ran out: s into the window, or -1> <idle requests before the end>
--          <CPU s of wrk while paying>
--   WRKFAIL <count> <reason>   (one line per distinct reason)
-- One wrk thread (-t1): ~1-2k payments/s need a few % of one core, and one thread keeps a buyer on one connection at
-- a time and lets the script know when everything sent is answered.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } flash_pay_timespec;
typedef struct { long tv_sec; long tv_usec; } flash_pay_timeval;
typedef struct { flash_pay_timeval utime; flash_pay_timeval stime; long rest[14]; } flash_pay_rusage;
int clock_gettime(int clk, flash_pay_timespec *tp);
int getrusage(int who, flash_pay_rusage *ru);
int kill(int pid, int sig);
int getpid(void);
]]
local ts, ru = ffi.new("flash_pay_timespec"), ffi.new("flash_pay_rusage")
local function now()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
end
local function cpu() -- user + system seconds of the whole wrk process (RUSAGE_SELF)
  ffi.C.getrusage(0, ru)
  return tonumber(ru.utime.tv_sec) + tonumber(ru.utime.tv_usec) * 1e-6 +
         tonumber(ru.stime.tv_sec) + tonumber(ru.stime.tv_usec) * 1e-6
end

-- ---- setup and done: wrk's main Lua state ----
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  if #threads > 1 then error("flash_pay.lua: run wrk with -t1") end
end

-- ---- the thread's Lua state ----
local buyers, by_no = {}, {}
local ready, reasons = { h = 1, t = 0 }, { h = 1, t = 0 } -- FIFO queues of buyers
local function push(q, b) q.t = q.t + 1; q[q.t] = b end
local function pop(q)
  if q.h > q.t then return nil end
  local b = q[q.h]
  q[q.h] = nil
  q.h = q.h + 1
  return b
end
local function empty(q) return q.h > q.t end

local warmup, seconds, activity
local verified = false
local from, deadline, finished
local inflight = 0
-- Read by done() through thread:get (globals of this state).
paid_all, tripped, failed, sent, answered, idle = 0, 0, 0, 0, 0, 0
ran_out = -1     -- when the first buyer had paid (or been refused) its last order
win_t1, win_lat, win_paid = {}, {}, {} -- the payments sent in the window: answered at, latency, paid (1/0)
fail_why = {}    -- reason → count
started, cpu0 = -1, 0
window_from, window_deadline = 0, 0

function init(args)
  local file = args[1]
  warmup, seconds, activity = tonumber(args[2]), tonumber(args[3]), args[4] == "1"
  if not (file and warmup and seconds) then error("flash_pay.lua: args: file warm-up-s window-s activity(0|1)") end
  local f = assert(io.open(file, "r"))
  for line in f:lines() do
    local i, path, body, cookie = line:match("^(%d+)\t([^\t]+)\t([^\t]*)\t([^\t]*)$")
    if not i then error("flash_pay.lua: bad line in " .. file .. ": " .. line:sub(1, 80)) end
    local no = path:match("^/order/(P%d+)/pay$")
    if not no then error("flash_pay.lua: not a payment path: " .. path) end
    local b = buyers[tonumber(i) + 1]
    if not b then
      b = { cookie = cookie, reqs = {}, nos = {}, paths = {}, next = 1 }
      buyers[tonumber(i) + 1] = b
    end
    -- Built once here: request() only hands them out.
    b.reqs[#b.reqs + 1] = wrk.format("POST", path,
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
    b.nos[#b.nos + 1], b.paths[#b.paths + 1] = no, path
    by_no[no] = b
  end
  f:close()
  for i = 1, table.maxn(buyers) do
    if buyers[i] then push(ready, buyers[i]) end
  end
end

-- Nothing more will be sent: stop this thread's loop and wake wrk's main thread from its sleep (-d), which then
-- joins the thread and calls done().
local function finish_if_drained(t)
  if finished or inflight > 0 or not empty(reasons) then return end
  if t < deadline and not empty(ready) then return end
  finished = true
  wrk.thread:stop()
  ffi.C.kill(ffi.C.getpid(), 2) -- SIGINT: wrk's handler only sets its stop flag
end

function request()
  -- wrk calls request() once before the run to check that it returns a valid request: that one is never sent.
  if not verified then
    verified = true
    return wrk.format("GET", "/healthz")
  end
  local t = now()
  if not from then
    started, cpu0 = t, cpu()
    from = t + warmup
    deadline = from + seconds
    window_from, window_deadline = from, deadline
  end
  -- A refused payment's page first, also after the window: the refusal's reason decides how it counts.
  local b = pop(reasons)
  if b then
    inflight = inflight + 1
    b.stage = "reason"
    return wrk.format("GET", b.paths[b.next - 1], { ["Cookie"] = b.cookie .. "; " .. b.token })
  end
  if t < deadline then
    b = pop(ready)
    if b then
      local k = b.next
      b.next, b.cur, b.stage, b.t0 = k + 1, b.nos[k], "pay", t
      inflight, sent = inflight + 1, sent + 1
      return b.reqs[k]
    end
  end
  -- Nothing to send (the window is over, or every buyer with orders left has one in flight): this connection idles.
  if t < deadline then idle = idle + 1 end
  finish_if_drained(t)
  return ""
end

local function flash_error(body)
  local m = body and body:match('class="flash flash%-error"[^>]*>([^<]*)<')
  return m and (m:gsub("^%s+", ""):gsub("%s+$", "")) or ""
end

-- The buyer this answer is for: the order its Location or page names, among the orders in flight.
local function whose(headers, body)
  local loc = headers["Location"] or headers["location"] or ""
  local no = loc:match("^/order/(P%d+)")
  local b = no and by_no[no]
  if b and b.cur == no then return b, loc end
  for n in body:gmatch("/order/(P%d+)") do
    b = by_no[n]
    if b and b.cur == n then return b, loc end
  end
  return nil, loc
end

-- The payment b sent is settled: count it and free the buyer for its next order.
local function settle(b, t, outcome, why)
  if outcome == "paid" then
    paid_all = paid_all + 1
  elseif outcome == "tripped" then
    tripped = tripped + 1
  else
    failed = failed + 1
    fail_why[why] = (fail_why[why] or 0) + 1
  end
  if b.t0 >= from then
    local n = #win_t1 + 1
    win_t1[n], win_lat[n], win_paid[n] = b.t1, b.t1 - b.t0, outcome == "paid" and 1 or 0
  end
  b.cur, b.stage, b.token = nil, nil, nil
  if b.next <= #b.reqs then
    push(ready, b)
  elseif ran_out < 0 then
    ran_out = t
  end
end

function response(status, headers, body)
  local t = now()
  inflight = inflight - 1
  local b, loc = whose(headers, body)
  if not b then
    -- Nobody's: that buyer stays busy (its order is not known), the answer is a failure.
    answered = answered + 1
    failed = failed + 1
    local why = "unidentified " .. status .. " " .. (loc ~= "" and loc or flash_error(body))
    fail_why[why] = (fail_why[why] or 0) + 1
  elseif b.stage == "pay" then
    answered = answered + 1
    b.t1 = t
    if status == 303 and loc == "/order/" .. b.cur .. "/done" then
      settle(b, t, "paid")
    elseif status == 303 and loc == "/order/" .. b.cur .. "/pay" then
      local set = headers["Set-Cookie"] or headers["set-cookie"] or ""
      local kept = set:match("([%w_]+_pr=[^;]+)")
      if kept then
        b.token = kept
        push(reasons, b)
      else
        settle(b, t, "failed", "303 /order/{no}/pay without a kept page")
      end
    else
      local why = status .. " " .. (loc ~= "" and loc:gsub("P%d+", "{no}") or flash_error(body))
      settle(b, t, "failed", why)
    end
  else -- the kept page of a refused payment
    local msg = flash_error(body)
    if activity and status == 409 and msg == "谢谢参与" then
      settle(b, t, "tripped")
    else
      settle(b, t, "failed", "303 → /order/{no}/pay: " .. status .. " " .. (msg ~= "" and msg or loc:gsub("P%d+", "{no}")))
    end
  end
  finish_if_drained(t)
end

function done(summary, latency, requests)
  local cpu1 = cpu()
  local th = threads[1]
  local g = function(name) return th:get(name) end
  local from, deadline, ran = g("window_from"), g("window_deadline"), g("ran_out")
  local t1s, lats, paid = g("win_t1"), g("win_lat"), g("win_paid")
  local stop = deadline
  if ran >= 0 and ran < stop then stop = ran end
  local l, paid_win = {}, 0
  for i = 1, #t1s do
    if t1s[i] <= stop then
      l[#l + 1] = lats[i]
      paid_win = paid_win + paid[i]
    end
  end
  table.sort(l)
  local function pct(p)
    if #l == 0 then return 0 end
    return l[math.max(1, math.min(#l, math.ceil(p / 100 * #l)))] * 1000
  end
  io.write(string.format("WRKPAY %d %d %.3f %.2f %.2f %d %d %d %d %d %.3f %d %.3f\n",
    paid_win, #l, stop - from, pct(50), pct(99), g("paid_all"), g("tripped"), g("failed"),
    g("sent"), g("answered"), ran >= 0 and ran - from or -1, g("idle"), cpu1 - g("cpu0")))
  for why, n in pairs(g("fail_why")) do io.write(string.format("WRKFAIL %d %s\n", n, why)) end
end
