-- miss.lua: wrk script — every request carries a parameter no page reads (nc=<thread>-<n>-<random>), so each one
-- misses the page caches (their key is the whole URI); prints the same RESULT line as report.lua for scripts/bench.sh
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
request = function()
  if n == 0 then math.randomseed(os.time() * 100 + (tid or 0)) end
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "nc=" .. (tid or 0) .. "-" .. n .. "-" .. math.random(1, 1000000000))
end
done = function(summary, latency, requests)
  local e = summary.errors
  local sock = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %d/%d/%d/%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, sock, e.status, e.connect, e.read, e.write, e.timeout))
end
