/**
 * The pipeline's first round trip, as one Lua script: every inbound message pays it, so what
 * used to be four trips one after another (dedupe, rate and reachability, chat lock, person and
 * session) is one. In order, atomically:
 *
 * 1. claim the update id (dedupe.ts: `SET NX EX`); a replay stops here, having changed nothing;
 * 2. clear the chat's block record (sending/reachability.ts), when asked;
 * 3. count the sender (rate-limit.ts: `INCR` + `EXPIRE NX`), when asked; over the limit stops here;
 * 4. take the chat lock (lock.ts: `SET NX PX` with a random token), and holding it, read the
 *    session and the cached person and claim the hour's `lastSeenAt` (person.ts#PersonPrefetch).
 *
 * When another update of the chat holds the lock, the pipeline waits for it as withLock() does,
 * each try being `retake` (step 4 alone). The lease is released by lock.ts's script, by its holder only.
 */
import type { Redis } from "ioredis";
import { declareScripts } from "../storage/redis-scripts.js";
import type { PersonKeys, PersonRead } from "./person.js";

/** Step 4, shared by both scripts. Lua `false` comes back as null: no session, no cached person. */
const TAKE = `
local function take(lock, session, record, seen, token, holdMs, seenSeconds)
  if not redis.call("SET", lock, token, "PX", holdMs, "NX") then return {"busy"} end
  local state = redis.call("GET", session)
  if seenSeconds == "0" then return {"turn", state} end
  local claimed = redis.call("SET", seen, "1", "EX", seenSeconds, "NX") and 1 or 0
  return {"turn", state, redis.call("GET", record), claimed}
end
`;

// KEYS: seen, rate, blocked hash, lock, session, person record, person seen.
// ARGV: seen seconds, rate max ("" = not counted), rate window, blocked field ("" = keep),
// "1" to take a turn, token, hold ms, person seen seconds ("0" = no person to read).
const ENTER = `${TAKE}
if not redis.call("SET", KEYS[1], "1", "EX", ARGV[1], "NX") then return {"duplicate"} end
if ARGV[4] ~= "" then redis.call("HDEL", KEYS[3], ARGV[4]) end
if ARGV[2] ~= "" then
  local count = redis.call("INCR", KEYS[2])
  redis.call("EXPIRE", KEYS[2], ARGV[3], "NX")
  if count > tonumber(ARGV[2]) then return {"over", count} end
end
if ARGV[5] ~= "1" then return {"no-turn"} end
return take(KEYS[4], KEYS[5], KEYS[6], KEYS[7], ARGV[6], ARGV[7], ARGV[8])
`;

// KEYS: lock, session, person record, person seen. ARGV: token, hold ms, person seen seconds.
const RETAKE = `${TAKE}
return take(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], ARGV[2], ARGV[3])
`;

type Reply = [string, (string | number | null)?, (string | null)?, number?];
type Scripted = Redis & {
  choemInboundEnter(...args: Array<string | number>): Promise<Reply>;
  choemInboundRetake(...args: Array<string | number>): Promise<Reply>;
};

// Defined on each connection, then sent by SHA (ioredis resends the text after a Redis restart).
const withScripts = declareScripts({
  choemInboundEnter: { numberOfKeys: 7, lua: ENTER },
  choemInboundRetake: { numberOfKeys: 4, lua: RETAKE },
});
function scripted(redis: Redis): Scripted {
  withScripts(redis);
  return redis as Scripted;
}

/** What is read under the lock just taken: the raw session and, with person keys, the person's. */
export interface Held {
  session: string | null;
  person?: PersonRead;
}

export type Entry =
  | { kind: "duplicate" }
  | { kind: "over"; count: number }
  /** Not a message that takes a turn (a block or unblock): steps 1–3 only. */
  | { kind: "no-turn" }
  /** Another update of the chat holds the lock. */
  | { kind: "busy" }
  | ({ kind: "turn" } & Held);

export interface TurnKeys {
  lock: string;
  session: string;
  person?: PersonKeys;
  token: string;
  holdMs: number;
}

export interface EntryRequest extends TurnKeys {
  seen: string;
  seenSeconds: number;
  /** The sender's counter and limit, when this message counts against it. */
  rate?: { key: string; max: number; windowSeconds: number };
  /** The reachability hash and the chat's field in it, to clear. */
  unblock?: { hash: string; field: string };
  takeTurn: boolean;
}

function asEntry(reply: Reply, person: PersonKeys | undefined): Entry {
  const [kind, session = null, record = null, claimed] = reply;
  if (kind === "duplicate" || kind === "no-turn" || kind === "busy") return { kind };
  if (kind === "over") return { kind, count: Number(session) };
  if (kind !== "turn") throw new Error(`unexpected inbound script reply ${kind}`);
  const held: Held = { session: session === null ? null : String(session) };
  if (person) held.person = { raw: record, seenDue: claimed === 1 };
  return { kind, ...held };
}

/** Step 4's keys and arguments, in the order TAKE's callers pass them. */
function turnArgs(request: TurnKeys): { keys: string[]; args: Array<string | number> } {
  const person = request.person;
  return {
    // Without a person to read, the session key stands in for its keys: declared, never touched.
    keys: [request.lock, request.session, person?.record ?? request.session, person?.seen ?? request.session],
    args: [request.token, request.holdMs, person?.seenSeconds ?? 0],
  };
}

export async function enter(redis: Redis, request: EntryRequest): Promise<Entry> {
  const turn = turnArgs(request);
  const reply = await scripted(redis).choemInboundEnter(
    request.seen,
    request.rate?.key ?? request.seen,
    request.unblock?.hash ?? request.seen,
    ...turn.keys,
    request.seenSeconds,
    request.rate?.max ?? "",
    request.rate?.windowSeconds ?? 0,
    request.unblock?.field ?? "",
    request.takeTurn ? "1" : "0",
    ...turn.args,
  );
  return asEntry(reply, request.person);
}

/** Step 4 again, for an update that found the lock taken: undefined while it still is. */
export async function retake(redis: Redis, request: TurnKeys): Promise<Held | undefined> {
  const turn = turnArgs(request);
  const entry = asEntry(await scripted(redis).choemInboundRetake(...turn.keys, ...turn.args), request.person);
  return entry.kind === "turn"
    ? { session: entry.session, ...(entry.person ? { person: entry.person } : {}) }
    : undefined;
}
