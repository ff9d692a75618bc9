-- wrk script for scripts/loadtest.sh: the events endpoint with the CLI's filters, in turn,
-- and the latency percentiles (p95 included, which wrk's --latency does not print).
-- Names are those of scripts/make_big_store.py's default seed.
local paths = {
  "/api/events?limit=100",
  "/api/events?actor=Hana+Castell",
  "/api/events?actor=Kovac",
  "/api/events?country=HUN",
  "/api/events?dyad=Jana+Novak&dyad=Ana+Okafor",
  "/api/events?type=CONSULT&status=planned",
  "/api/events?since=2025-03&until=2025-04",
  "/api/events?place=Geneva",
  "/api/events?text=fisheries",
  "/api/events?actor=Petrov&type=SANCTION&since=2024-06",
  "/api/events?status=postponed&limit=50&offset=200",
}
-- LOADTEST_PATH=N measures the N-th alone (scripts/loadtest.sh --each runs them all in turn).
local only = tonumber(os.getenv("LOADTEST_PATH") or "")
if only then paths = { paths[only] } end
local i = 0
local failed = 0

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

response = function(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("%s\nrequests %d, errors %d, non-200 %d\n",
    #paths == 1 and paths[1] or "mix of " .. #paths .. " filters", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max %.1f ms, mean %.1f ms\n", latency.max / 1000, latency.mean / 1000))
end
