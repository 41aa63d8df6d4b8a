-- miss.lua: wrk script — every request carries a parameter no page reads (nc=<random>), so each one misses the
-- page caches (their key is the whole URI); prints the same RESULT line as report.lua for scripts/bench.sh
local n = 0
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
request = function()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "nc=" .. math.random(1, 1000000000) .. "-" .. n)
end
done = function(summary, latency, requests)
  local e = summary.errors
  local sock = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, sock, e.status))
end
