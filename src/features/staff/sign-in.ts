/**
 * Signing in to the staff console through the chat staff already use: no passwords.
 * - A link: /dangnhap in chat answers with a one-time link (10 minutes, single use). Opening it
 *   shows a button; only the POST of that button spends it, so a chat app fetching the link for
 *   a preview cannot use it up.
 * - A code: on a desktop the sign-in page shows a short code (DN-…) and keeps a secret in the
 *   browser; the staff member sends the code to the bot, which binds it to them; the page then
 *   trades the code and its secret for a session. A code works only with the browser that asked.
 * Redis keeps digests of the secrets, never the secrets. Each decision is one atomic command.
 */
import { createHash, randomBytes } from "node:crypto";
import { humanCode } from "../../storage/human-code.js";
import type { Redis } from "../../storage/redis.js";

export const LINK_TTL_SECONDS = 600;
export const CODE_TTL_SECONDS = 300;

const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");
const secret = () => randomBytes(32).toString("base64url");

/** Binds a waiting code to the staff member who sent it, once; 1 bound, 0 gone, -1 taken by someone else. */
const BIND = `
local raw = redis.call("GET", KEYS[1])
if not raw then return 0 end
local entry = cjson.decode(raw)
if entry.actor and entry.actor ~= ARGV[1] then return -1 end
entry.actor = ARGV[1]
redis.call("SET", KEYS[1], cjson.encode(entry), "KEEPTTL")
return 1`;

/** Spends a bound code for the browser holding its secret; the actor, or false. */
const TAKE = `
local raw = redis.call("GET", KEYS[1])
if not raw then return false end
local entry = cjson.decode(raw)
if entry.browser ~= ARGV[1] then return false end
if not entry.actor then return "" end
redis.call("DEL", KEYS[1])
return entry.actor`;

export type CodeState = { kind: "waiting" } | { kind: "signed-in"; actor: string } | { kind: "gone" };

export interface SignIn {
  /** A one-time link secret for this staff member. */
  issueLink(actor: string): Promise<string>;
  /** Spends a link; the actor it was made for, or undefined when it is unknown, used or expired. */
  spendLink(linkSecret: string): Promise<string | undefined>;
  /** A new code for a browser: the code to show, the secret for the browser's cookie. */
  startCode(): Promise<{ code: string; browserSecret: string }>;
  bindCode(code: string, actor: string): Promise<"bound" | "gone" | "taken">;
  /** What the page polling for its code should do next. */
  pollCode(code: string, browserSecret: string): Promise<CodeState>;
}

export function createSignIn(redis: Redis, prefix: string): SignIn {
  const linkKey = (s: string) => `${prefix}console:link:${digest(s)}`;
  const codeKey = (code: string) => `${prefix}console:code:${code}`;
  return {
    async issueLink(actor) {
      const link = secret();
      await redis.set(linkKey(link), actor, "EX", LINK_TTL_SECONDS);
      return link;
    },
    async spendLink(link) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(link)) return undefined;
      return (await redis.getdel(linkKey(link))) ?? undefined;
    },
    async startCode() {
      const browserSecret = secret();
      const entry = JSON.stringify({ browser: digest(browserSecret) });
      for (;;) {
        const code = humanCode("DN");
        if (await redis.set(codeKey(code), entry, "EX", CODE_TTL_SECONDS, "NX"))
          return { code, browserSecret };
      }
    },
    async bindCode(code, actor) {
      const result = Number(await redis.eval(BIND, 1, codeKey(code), actor));
      return result === 1 ? "bound" : result === 0 ? "gone" : "taken";
    },
    async pollCode(code, browserSecret) {
      const result = (await redis.eval(TAKE, 1, codeKey(code), digest(browserSecret))) as string | null;
      if (result === null) return { kind: "gone" };
      return result === "" ? { kind: "waiting" } : { kind: "signed-in", actor: result };
    },
  };
}
