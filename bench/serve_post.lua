-- wrk script for bench/serve.sh: POST /inbound/leads with a unique request id and email per
-- request (thread number + counter), counting answers per status.
local threads = {}
counter = 0
tid = 0
statuses = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function request()
  counter = counter + 1
  local id = string.format("t%d-%d", tid, counter)
  local body = '{"name":"Load Test","email":"' .. id .. '@bench.example.com",' ..
    '"message":"hello","meta":{"source":"bench","request_id":"' .. id .. '"}}'
  return wrk.format("POST", "/inbound/leads", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
  }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do totals[k] = (totals[k] or 0) + v end
  end
  for k, v in pairs(totals) do io.write(string.format("status %d %d\n", k, v)) end
  io.write(string.format("p50_ms %.3f\np99_ms %.3f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
