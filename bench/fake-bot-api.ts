/**
 * The fake Telegram Bot API of the inbound benchmark, in its own process: answers every method
 * at once (sendMessage with a plausible Message, anything else `true`), no rate limit, and
 * counts what it received, replies per chat included, so a server that drops replies cannot
 * look fast. IPC (bench/child.ts): "reset", "stats".
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serveParent } from "./child.js";

/** What counts as a reply to a person: a message sent or a message changed. */
const REPLY = /^(send|edit|copy)/;

let calls = new Map<string, number>();
let repliesPerChat = new Map<string, number>();
let messageId = 1;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? "")?.[1] ?? "unknown";
    calls.set(method, (calls.get(method) ?? 0) + 1);
    let result: unknown = true;
    if (REPLY.test(method)) {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { chat_id?: unknown };
      const chat = String(body.chat_id);
      repliesPerChat.set(chat, (repliesPerChat.get(chat) ?? 0) + 1);
      const id = Number(chat);
      result = {
        message_id: messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id, type: id > 0 ? "private" : "supergroup" },
        text: "ok",
      };
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
  });
});
server.keepAliveTimeout = 60_000;

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  serveParent(`http://127.0.0.1:${port}`, (cmd) => {
    if (cmd === "reset") {
      calls = new Map();
      repliesPerChat = new Map();
      return true;
    }
    if (cmd === "stats") {
      const perChat = [...repliesPerChat.values()];
      return {
        calls: Object.fromEntries(calls),
        replies: perChat.reduce((a, b) => a + b, 0),
        chats: perChat.length,
      };
    }
    throw new Error(`unknown command ${cmd}`);
  });
});
