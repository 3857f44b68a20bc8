/**
 * The Lua scripts of the Redis delivery store that work on many deliveries at once: a fan-out's
 * insert, loading records back from MongoDB, the flusher's clean and promote, a re-send's
 * requeue and the lease sweep. They run after the prelude of delivery-scripts.ts (its helpers
 * hk, sk, lk, mk, dirty, move, finish, keep, fill).
 */
import { FLUSHED_KEEP_SECONDS } from "./delivery-state.js";

/** ARGV: prefix, broadcastId, now → how many sends whose lease ran out became uncertain. */
export const sweep = `
local b = ARGV[2]
local swept = 0
for _, id in ipairs(redis.call('ZRANGEBYSCORE', lk(b), '-inf', '(' .. ARGV[3])) do
  if redis.call('HGET', hk(id), 'status') == 'sending' then
    finish(id, b, 'sending', 'uncertain', 'interrupted', ARGV[3])
    swept = swept + 1
  else
    redis.call('ZREM', lk(b), id)
  end
end
return swept`;

/**
 * ARGV: prefix, broadcastId, statuses JSON → JSON {refs, missing}: the deliveries put back in
 * the queue in a new round, and the ids whose hash must first be loaded from MongoDB.
 */
export const requeue = `
local b = ARGV[2]
local refs, missing = {}, {}
for _, from in ipairs(cjson.decode(ARGV[3])) do
  for _, id in ipairs(redis.call('SMEMBERS', sk(b, from))) do
    local h = hk(id)
    if redis.call('EXISTS', h) == 0 then
      table.insert(missing, id)
    else
      redis.call('HSET', h, 'status', 'queued')
      redis.call('HINCRBY', h, 'round', 1)
      redis.call('HDEL', h, 'reason', 'settledAt')
      move(id, b, from, 'queued')
      dirty(id)
      local f = redis.call('HMGET', h, 'channel', 'round', 'kind', 'chatId')
      table.insert(refs, {id = id, channel = f[1], round = tonumber(f[2]), kind = f[3], chatId = f[4]})
    end
  end
end
keep(b)
return cjson.encode({refs = refs, missing = missing})`;

/**
 * ARGV: prefix, broadcastId, deliveries JSON ([{id, fields}]) → JSON {refs, existing}: the new
 * deliveries that are queued (to be enqueued at once), and how many targets the broadcast had
 * already. The target key decides (HSETNX in the broadcast's key map): a fan-out run again adds
 * nothing.
 */
export const insert = `
local b = ARGV[2]
local refs, existing = {}, 0
for _, d in ipairs(cjson.decode(ARGV[3])) do
  local f = d.fields
  if redis.call('HSETNX', mk(b), f.key, d.id) == 1 then
    fill(hk(d.id), f)
    redis.call('SADD', sk(b, f.status), d.id)
    dirty(d.id)
    if f.status == 'queued' then
      table.insert(refs, {id = d.id, channel = f.channel, round = 0, kind = f.kind, chatId = f.chatId})
    end
  else
    existing = existing + 1
  end
end
keep(b)
return cjson.encode({refs = refs, existing = existing})`;

/**
 * Loads records read from MongoDB whose hash is gone. A hash that exists is newer than MongoDB
 * and wins. ARGV: prefix, broadcastId, deliveries JSON ([{id, fields}]), "1" to mark the
 * broadcast known (its sets are complete).
 */
export const hydrate = `
local b = ARGV[2]
for _, d in ipairs(cjson.decode(ARGV[3])) do
  local h = hk(d.id)
  if redis.call('EXISTS', h) == 0 then
    fill(h, d.fields)
    if redis.call('ZSCORE', P .. 'dlv-dirty', d.id) == false and redis.call('ZSCORE', P .. 'dlv-later', d.id) == false then
      redis.call('EXPIRE', h, ${FLUSHED_KEEP_SECONDS})
    end
  end
  local f = redis.call('HMGET', h, 'status', 'key', 'leaseUntil')
  redis.call('SADD', sk(b, f[1]), d.id)
  if string.sub(f[2], 1, 7) ~= 'erased:' then redis.call('HSETNX', mk(b), f[2], d.id) end
  if f[1] == 'sending' and f[3] then redis.call('ZADD', lk(b), f[3], d.id) end
end
if ARGV[4] == '1' then keep(b) end
return 1`;

/**
 * After a flush: ARGV: prefix, then id, version pairs. MongoDB has the record now; an id still
 * at the version written is clean, and a clean finished hash starts to expire.
 */
export const clean = `
for i = 2, #ARGV, 2 do
  local id = ARGV[i]
  local h = hk(id)
  if redis.call('EXISTS', h) == 1 then redis.call('HSET', h, 'stored', '1') end
  if redis.call('ZSCORE', P .. 'dlv-dirty', id) == ARGV[i + 1] then
    redis.call('ZREM', P .. 'dlv-dirty', id)
    -- What was written is the current state: a deferred write of it would only repeat it.
    redis.call('ZREM', P .. 'dlv-later', id)
    local st = redis.call('HGET', h, 'status')
    if st and st ~= 'queued' and st ~= 'sending' then redis.call('EXPIRE', h, ${FLUSHED_KEEP_SECONDS}) end
  end
end
return 1`;

/**
 * Deferred ids that waited long enough (or all, for a drain) become dirty with a fresh version.
 * ARGV: prefix, cutoff ms ("+inf" for all), how many at most → how many moved.
 */
export const promote = `
local ids = redis.call('ZRANGEBYSCORE', P .. 'dlv-later', '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  redis.call('ZADD', P .. 'dlv-dirty', redis.call('INCR', P .. 'dlv-version'), id)
  redis.call('ZREM', P .. 'dlv-later', id)
end
return #ids`;
