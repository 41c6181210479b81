-- Replays pre-signed authorize requests (wrk's Lua has no HMAC): each thread takes every
-- Nth line of $GG_BENCH_REQUESTS, sends each once (nonces are single-use), and stops when
-- all its answers are in. Counts non-2xx answers and sessions opened (ids not in
-- $GG_BENCH_KNOWN_SESSIONS, the sessions that heartbeats name).
local threads = {}
local counter = 0

-- wrk keeps running until -d even after every thread stopped, so each thread notes when
-- it sent its first request and got its last answer (two calls per thread, not per request).
local function now_ms()
  local pipe = io.popen("date +%s%3N")
  local value = tonumber(pipe:read("*l"))
  pipe:close()
  return value
end

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  threads[#threads + 1] = thread
end

function init(args)
  requests = {}
  known = {}
  sent, received, non2xx, opened = 0, 0, 0, 0
  local n = tonumber(os.getenv("GG_BENCH_THREADS"))
  local i = 0
  for line in io.lines(os.getenv("GG_BENCH_REQUESTS")) do
    if i % n == id then
      local body, ts, nonce, sig = line:match("^(.-)\t(%d+)\t([%w_-]+)\t(%x*)$")
      requests[#requests + 1] = wrk.format("POST", wrk.path, {
        ["Content-Type"] = "application/json",
        ["X-Api-Key"] = os.getenv("GG_BENCH_KEY"),
        ["X-GG-Timestamp"] = ts,
        ["X-GG-Nonce"] = nonce,
        ["X-GG-Signature"] = sig,
      }, body)
    end
    i = i + 1
  end
  local knownFile = os.getenv("GG_BENCH_KNOWN_SESSIONS")
  if knownFile and knownFile ~= "" then
    for line in io.lines(knownFile) do known[line] = true end
  end
  planned = #requests
  spare = wrk.format("GET", "/health")
end

function request()
  sent = sent + 1
  if sent == 1 then started_ms = now_ms() end
  return requests[sent] or spare
end

function response(status, headers, body)
  received = received + 1
  if received > #requests then return end
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  else
    local session = body:match('"session":{"id":"([%w-]+)"')
    if session and not known[session] then opened = opened + 1 end
  end
  if received == #requests then
    finished_ms = now_ms()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests_)
  local total_non2xx, total_opened, total = 0, 0, 0
  local first, last = nil, nil
  for _, thread in ipairs(threads) do
    total_non2xx = total_non2xx + thread:get("non2xx")
    total_opened = total_opened + thread:get("opened")
    total = total + math.min(thread:get("received"), thread:get("planned"))
    local s, f = thread:get("started_ms"), thread:get("finished_ms")
    if s and (first == nil or s < first) then first = s end
    if f == nil then f = s and (s + summary.duration / 1000) end
    if f and (last == nil or f > last) then last = f end
  end
  io.write(string.format('GG_RESULT {"answers":%d,"seconds":%.3f,"p50_ms":%.3f,"p99_ms":%.3f,"non2xx":%d,"opened":%d}\n',
    total, (last - first) / 1000, latency:percentile(50) / 1000, latency:percentile(99) / 1000, total_non2xx, total_opened))
end
