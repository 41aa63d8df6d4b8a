-- report.lua: wrk script — prints one machine-readable result line for scripts/bench.sh
-- RESULT <requests/s> <p50 ms> <p99 ms> <requests> <socket errors> <non-2xx/3xx responses> <connect/read/write/timeout>
done = function(summary, latency, requests)
  local e = summary.errors
  local sock = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %d/%d/%d/%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, sock, e.status, e.connect, e.read, e.write, e.timeout))
end
