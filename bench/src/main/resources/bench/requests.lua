-- wrk script of the benchmark: cycles through a file of requests, one per line as METHOD<TAB>PATH<TAB>BODY (the body
-- may be empty), each thread from its own offset. An optional second argument paces each thread to that many requests
-- per second (a steady load below saturation, for latency); without it requests go as fast as answers come back.
-- At the end prints one JSON line with the latency percentiles.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } ow_timeval;
  int gettimeofday(ow_timeval *tv, void *tz);
]]
local clock = ffi.new("ow_timeval")
local function now_ms()
  ffi.C.gettimeofday(clock, nil)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_usec) / 1000
end

local requests = {}
local counter = 0
local threads = 0
local interval = 0
local next_at = nil

function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t(.*)$")
    assert(method, "unreadable request line: " .. line)
    local headers = { ["Accept"] = "application/json" }
    if body == "" then
      body = nil
    else
      headers["Content-Type"] = "application/json"
    end
    requests[#requests + 1] = wrk.format(method, path, headers, body)
  end
  file:close()
  counter = (offset or 0) % #requests
  local rate = tonumber(args[2] or "0")
  if rate and rate > 0 then
    interval = 1000 / rate
  end
end

function delay()
  if interval == 0 then
    return 0
  end
  local now = now_ms()
  if next_at == nil or next_at < now - 1000 then
    next_at = now -- fallen a second behind: carry on from now rather than burst to catch up
  end
  local wait = next_at - now
  next_at = next_at + interval
  return math.max(0, math.floor(wait))
end

function request()
  counter = counter % #requests + 1
  return requests[counter]
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"durationMicros":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean, errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
