/**
 * The Lua scripts behind the Redis delivery store. Each status change reads the current status
 * and moves it in one script, so Redis decides it atomically for every process
 * (docs/storage-and-ferretdb.md#atomicity): a claim wins once, a settle happens once. Each change
 * also keeps the per-broadcast status sets (counts and lists without a scan), the lease zset
 * (sweep), and marks the id dirty with a fresh version for the flusher (delivery-flusher.ts), or
 * "later" while it is a send in flight or a new record waiting (written once it settles).
 *
 * Every script gets the key prefix as ARGV[1]. Keys are built inside the scripts, which a
 * single Redis (not a cluster) allows. A per-delivery script answers -1 when the delivery has no
 * hash (it finished and expired): the store loads it from MongoDB and runs the script again.
 */
import { clean, hydrate, insert, promote, requeue, sweep } from "./delivery-batch-scripts.js";
import { BROADCAST_KEEP_SECONDS } from "./delivery-state.js";

/** Helpers every script starts with (the batch scripts use them too). */
const PRELUDE = `
local P = ARGV[1]
local function hk(id) return P .. 'dlv:' .. id end
local function sk(b, s) return P .. 'dlv-st:' .. b .. ':' .. s end
local function lk(b) return P .. 'dlv-leases:' .. b end
local function mk(b) return P .. 'dlv-keys:' .. b end
local function dirty(id)
  redis.call('PERSIST', hk(id))
  local f = redis.call('HMGET', hk(id), 'status', 'stored')
  if f[1] == 'sending' or (f[1] == 'queued' and not f[2]) then
    -- Not worth a MongoDB write yet: a send in flight or a new record waiting settles within
    -- seconds, and is then written once. Written anyway if it is still so after a while.
    local t = redis.call('TIME')
    redis.call('ZADD', P .. 'dlv-later', 'NX', t[1] * 1000 + math.floor(t[2] / 1000), id)
    return 0
  end
  local v = redis.call('INCR', P .. 'dlv-version')
  redis.call('ZADD', P .. 'dlv-dirty', v, id)
  return v
end
local function move(id, b, from, to)
  redis.call('SREM', sk(b, from), id)
  redis.call('SADD', sk(b, to), id)
end
local function finish(id, b, from, to, reason, now)
  local h = hk(id)
  redis.call('HSET', h, 'status', to, 'settledAt', now)
  if reason ~= '' then redis.call('HSET', h, 'reason', reason) end
  redis.call('HDEL', h, 'leaseUntil')
  redis.call('ZREM', lk(b), id)
  move(id, b, from, to)
  dirty(id)
end
local STATUSES = {'queued', 'sending', 'sent', 'blocked', 'outside-window', 'failed', 'uncertain'}
local function keep(b)
  redis.call('SET', P .. 'dlv-b:' .. b, '1', 'EX', ${BROADCAST_KEEP_SECONDS})
  redis.call('EXPIRE', lk(b), ${BROADCAST_KEEP_SECONDS})
  redis.call('EXPIRE', mk(b), ${BROADCAST_KEEP_SECONDS})
  for _, s in ipairs(STATUSES) do redis.call('EXPIRE', sk(b, s), ${BROADCAST_KEEP_SECONDS}) end
end
local function fill(h, fields)
  for name, value in pairs(fields) do redis.call('HSET', h, name, value) end
end
`;

/** ARGV: prefix, id, leaseUntil → the hash (flat), 0 when not queued, -1 when missing. */
const claim = `
local id = ARGV[2]
local h = hk(id)
local st = redis.call('HGET', h, 'status')
if not st then return -1 end
if st ~= 'queued' then return 0 end
local b = redis.call('HGET', h, 'broadcastId')
redis.call('HSET', h, 'status', 'sending', 'leaseUntil', ARGV[3])
redis.call('HINCRBY', h, 'attempts', 1)
move(id, b, 'queued', 'sending')
redis.call('ZADD', lk(b), ARGV[3], id)
dirty(id)
return redis.call('HGETALL', h)`;

/** ARGV: prefix, id, messageIds JSON or "" → 1 moved, 0 not sending, -1 missing. */
const release = `
local id = ARGV[2]
local h = hk(id)
local st = redis.call('HGET', h, 'status')
if not st then return -1 end
if st ~= 'sending' then return 0 end
local b = redis.call('HGET', h, 'broadcastId')
redis.call('HSET', h, 'status', 'queued')
if ARGV[3] ~= '' then redis.call('HSET', h, 'messageIds', ARGV[3]) end
redis.call('HDEL', h, 'leaseUntil')
redis.call('ZREM', lk(b), id)
move(id, b, 'sending', 'queued')
dirty(id)
return 1`;

/** ARGV: prefix, id, status, messageIds JSON or "", reason or "", now → 1, 0, -1. */
const settle = `
local id = ARGV[2]
local h = hk(id)
local st = redis.call('HGET', h, 'status')
if not st then return -1 end
if st ~= 'sending' then return 0 end
if ARGV[4] ~= '' then redis.call('HSET', h, 'messageIds', ARGV[4]) end
finish(id, redis.call('HGET', h, 'broadcastId'), 'sending', ARGV[3], ARGV[5], ARGV[6])
return 1`;

/** ARGV: prefix, id, leaseUntil, now → 1 when it was sending with exactly that lease. */
const expire = `
local id = ARGV[2]
local h = hk(id)
local st = redis.call('HGET', h, 'status')
if not st then return -1 end
if st ~= 'sending' or redis.call('HGET', h, 'leaseUntil') ~= ARGV[3] then return 0 end
finish(id, redis.call('HGET', h, 'broadcastId'), 'sending', 'uncertain', 'interrupted', ARGV[4])
return 1`;

/** ARGV: prefix, id, reason, now → the new status, "" when already final, -1 missing. */
const abandon = `
local id = ARGV[2]
local h = hk(id)
local st = redis.call('HGET', h, 'status')
if not st then return -1 end
local b = redis.call('HGET', h, 'broadcastId')
if st == 'queued' then finish(id, b, st, 'failed', ARGV[3], ARGV[4]) return 'failed' end
if st == 'sending' then finish(id, b, st, 'uncertain', ARGV[3], ARGV[4]) return 'uncertain' end
return ''`;

/** ARGV: prefix, id, chatId → 1, -1 missing. */
const retarget = `
local h = hk(ARGV[2])
if redis.call('EXISTS', h) == 0 then return -1 end
redis.call('HSET', h, 'chatId', ARGV[3])
dirty(ARGV[2])
return 1`;

/**
 * Cuts a delivery from an erased chat: no chat id, no target key (it names the person), and
 * one still queued fails so it never goes out. ARGV: prefix, id, now → 1, -1 missing.
 */
const erase = `
local id = ARGV[2]
local h = hk(id)
local st = redis.call('HGET', h, 'status')
if not st then return -1 end
local b = redis.call('HGET', h, 'broadcastId')
redis.call('HDEL', mk(b), redis.call('HGET', h, 'key'))
redis.call('HSET', h, 'chatId', 'erased', 'key', 'erased:' .. id)
if st == 'queued' then finish(id, b, st, 'failed', 'erased', ARGV[3]) else dirty(id) end
return 1`;

export const DELIVERY_SCRIPTS = {
  promote,
  claim,
  release,
  settle,
  expire,
  abandon,
  retarget,
  erase,
  sweep,
  requeue,
  insert,
  hydrate,
  clean,
} as const;

export type DeliveryScript = keyof typeof DELIVERY_SCRIPTS;

export const scriptSource = (name: DeliveryScript) => PRELUDE + DELIVERY_SCRIPTS[name];
