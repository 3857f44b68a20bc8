/**
 * The one place a decision that must happen once is made: a lease in Redis (`SET NX PX` with a
 * random token, released by a Lua script only by its holder). MongoDB is never asked to decide
 * (FerretDB 1.24 does not make a conditional update atomic: docs/storage-and-ferretdb.md
 * #atomicity); under the lock the record is read, checked and written back by `_id`.
 * The lease expires by itself, so a crashed instance cannot hold a record forever.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { declareScripts } from "../storage/redis-scripts.js";

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

// Every message takes and releases a lock: the script is defined on each connection and then
// sent by its SHA (ioredis falls back to the full text after a Redis restart).
type Releasing = Redis & { choemReleaseLock(key: string, token: string): Promise<number> };
const withScripts = declareScripts({ choemReleaseLock: { numberOfKeys: 1, lua: RELEASE } });
export function releaseLock(redis: Redis, key: string, token: string): Promise<number> {
  withScripts(redis);
  return (redis as Releasing).choemReleaseLock(key, token);
}

export interface LockOptions {
  /** How long the lease lasts if its holder never releases it. */
  holdMs: number;
  /** How long to wait for a lease another holder has before giving up with an error. */
  waitMs: number;
}

export const LOCK_DEFAULTS: LockOptions = { holdMs: 30_000, waitMs: 15_000 };

export async function withLock<T>(
  redis: Redis,
  key: string,
  task: () => Promise<T>,
  options: LockOptions = LOCK_DEFAULTS,
): Promise<T> {
  const token = randomUUID();
  await waitForLease(key, options.waitMs, async () =>
    (await acquire(redis, key, token, options.holdMs)) ? true : undefined,
  );
  return holding(redis, key, token, task);
}

/**
 * Tries `attempt` until it takes the lease (it returns undefined while another holder has it),
 * backing off from 5 to 100 ms, and gives up with an error after `waitMs`. The pipeline's
 * attempts also read the chat's state in the same round trip (inbound-gate.ts).
 */
export async function waitForLease<T>(
  key: string,
  waitMs: number,
  attempt: () => Promise<T | undefined>,
  /** The caller's own first try has just found the lease taken: back off before the next. */
  triedOnce = false,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  let delay = 5;
  if (triedOnce) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay *= 2;
  }
  for (;;) {
    const taken = await attempt();
    if (taken !== undefined) return taken;
    if (Date.now() > deadline) throw new Error(`lock ${key} not acquired in ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 100);
  }
}

const acquire = async (redis: Redis, key: string, token: string, holdMs: number) =>
  (await redis.set(key, token, "PX", holdMs, "NX")) === "OK";

/** Runs the task of a lease just acquired, and gives the lease back however the task ends. */
async function holding<T>(redis: Redis, key: string, token: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } finally {
    await releaseLock(redis, key, token);
  }
}

export interface RecordLock {
  /** Runs `task` while holding the lease of one record ("request:YC-…", "pledge:UH-…"). */
  <T>(record: string, task: () => Promise<T>): Promise<T>;
  /**
   * Runs `task` only if the lease is free right now; `undefined` when someone else holds it.
   * For claims, where whoever is changing the record at this moment has already won.
   */
  ifFree<T>(record: string, task: () => Promise<T>): Promise<T | undefined>;
}

export function createRecordLock(
  redis: Redis,
  prefix: string,
  options: LockOptions = LOCK_DEFAULTS,
): RecordLock {
  const keyOf = (record: string) => `${prefix}lock:record:${record}`;
  const lock = <T>(record: string, task: () => Promise<T>) => withLock(redis, keyOf(record), task, options);
  return Object.assign(lock, {
    async ifFree<T>(record: string, task: () => Promise<T>): Promise<T | undefined> {
      const key = keyOf(record);
      const token = randomUUID();
      if (!(await acquire(redis, key, token, options.holdMs))) return undefined;
      return holding(redis, key, token, task);
    },
  });
}
