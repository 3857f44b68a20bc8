/**
 * The app's Lua commands, defined on a connection before its first command. With ioredis's
 * auto-pipelining on (storage/redis.ts), a pipeline copies the connection's commands when it is
 * opened: a command defined later is missing from a pipeline already open, and ioredis then
 * loses the replies of the whole pipeline ("results[i] is not iterable", uncaught). So each
 * module declares its scripts here when it is loaded, connectRedis defines them all at once, and
 * `defineScripts` is also each module's fallback for a connection made elsewhere (a test's own
 * `new Redis()`, which has no auto-pipelining).
 */
import type { Redis } from "ioredis";

export interface ScriptSpec {
  numberOfKeys: number;
  lua: string;
}

const declared = new Map<string, ScriptSpec>();
const defined = new WeakSet<Redis>();

/** Declares commands by name; returns a function that makes sure a connection has them. */
export function declareScripts(specs: Record<string, ScriptSpec>): (redis: Redis) => void {
  for (const [name, spec] of Object.entries(specs)) declared.set(name, spec);
  return defineScripts;
}

/** Defines every declared command the connection does not have yet. */
export function defineScripts(redis: Redis): void {
  if (defined.has(redis) && [...declared.keys()].every((name) => name in redis)) return;
  for (const [name, spec] of declared) if (!(name in redis)) redis.defineCommand(name, spec);
  defined.add(redis);
}
