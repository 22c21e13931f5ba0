-- Replays a request file with wrk and prints the result as one JSON line (BENCH_JSON {...}).
--   wrk -t2 -c16 -d15s -s bench/wrk/replay.lua http://127.0.0.1:PORT -- FILE MODE THREADS
-- FILE: one request per line, tab-separated: method, path, body (may be empty), then headers ("Name: value").
-- MODE: cycle  every thread goes round all requests;
--       once   the requests are split between the threads (THREADS of them) and each is sent once; a thread that
--              runs out repeats its last request (the caller checks in the database how many were applied).
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

local requests = {}
local position = 0
local once = false

function init(args)
  local path, mode, threads = args[1], args[2] or "cycle", tonumber(args[3] or "1")
  once = mode == "once"
  local index = 0
  for line in io.lines(path) do
    index = index + 1
    if (not once) or ((index - 1) % threads) == (tid - 1) then
      local fields = {}
      for field in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = field end
      local headers = { Host = wrk.headers["Host"] or "127.0.0.1" }
      for i = 4, #fields do
        local name, value = fields[i]:match("^([^:]+):%s*(.*)$")
        if name then headers[name] = value end
      end
      local body = fields[3] ~= "" and fields[3] or nil
      requests[#requests + 1] = wrk.format(fields[1], fields[2], headers, body)
    end
  end
  if #requests == 0 then error("no requests for thread " .. tid .. " in " .. path) end
  -- Threads start at different places so they do not ask for the same thing at the same time.
  if not once then position = math.floor(#requests * (tid - 1) / (threads or 1)) end
end

function request()
  position = position + 1
  if position > #requests then
    position = once and #requests or 1
  end
  return requests[position]
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_JSON {"tool":"wrk","concurrency":0,"requests":%d,"durationS":%.3f,"bytes":%d,"rps":%.2f,"mbPerS":%.3f,' ..
    '"p50Ms":%.3f,"p90Ms":%.3f,"p99Ms":%.3f,"maxMs":%.3f,"errors":%d}\n',
    summary.requests, seconds, summary.bytes, summary.requests / seconds, summary.bytes / seconds / 1e6,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
