/**
 * A loopback stand-in for the Telegram Bot API, run as a child process so it has its own
 * event loop (and core) during a benchmark. It allows `maxPerSecond` sends a second as a token
 * bucket holding one second's worth (Telegram tolerates short bursts, docs/platforms/telegram.md
 * §6), answers sends beyond that with 429 and retry_after, can be told to refuse the next N sends
 * with 429, and counts successful sends per chat to find duplicates.
 * Controlled over IPC: { cmd: "reset" | "fail429" | "stats" }.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const maxPerSecond = Number(process.argv[2] ?? 1000);
const delivered = new Map<string, number>();
let tokens = maxPerSecond;
let refilledAt = Date.now();
let refuseNext = 0;
let throttled = 0;
let firstAt = 0;
let lastAt = 0;
let messageId = 1;

function allowed(now: number): boolean {
  tokens = Math.min(maxPerSecond, tokens + ((now - refilledAt) * maxPerSecond) / 1000);
  refilledAt = now;
  if (tokens < 1) return false;
  tokens -= 1;
  return true;
}

/** Whole seconds until a token is back, as Telegram's retry_after is. */
function retryAfter(): number {
  return Math.max(1, Math.ceil((1 - tokens) / maxPerSecond));
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { chat_id?: unknown };
    const now = Date.now();
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(payload));
    };
    if (refuseNext > 0 || !allowed(now)) {
      const wait = refuseNext > 0 ? 1 : retryAfter();
      if (refuseNext > 0) refuseNext--;
      throttled++;
      return reply(
        429,
        {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${wait}`,
          parameters: { retry_after: wait },
        },
        { "retry-after": String(wait) },
      );
    }
    const chat = String(body.chat_id);
    delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
    if (firstAt === 0) firstAt = now;
    lastAt = now;
    reply(200, { ok: true, result: { message_id: messageId++ } });
  });
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: `http://127.0.0.1:${port}` });
});

process.on("message", (message: { cmd: string; count?: number }) => {
  if (message.cmd === "reset") {
    delivered.clear();
    tokens = maxPerSecond;
    refilledAt = Date.now();
    refuseNext = throttled = firstAt = lastAt = 0;
    process.send?.({ done: true });
  } else if (message.cmd === "fail429") {
    refuseNext += message.count ?? 1;
    process.send?.({ done: true });
  } else if (message.cmd === "stats") {
    const counts = [...delivered.values()];
    process.send?.({
      stats: {
        delivered: counts.reduce((a, b) => a + b, 0),
        chats: [...delivered.keys()],
        duplicates: counts.filter((n) => n > 1).reduce((a, n) => a + n - 1, 0),
        throttled,
        firstAt,
        lastAt,
      },
    });
  }
});
process.on("disconnect", () => process.exit(0));
