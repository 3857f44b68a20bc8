/** The Zalo channel's getUpdates loop against the fake: idle 408s, echoes, prompt stop, bad token. */
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { createZaloChannel } from "../../../src/channels/zalo/adapter.js";
import type { Channel } from "../../../src/core/channel.js";
import { createLogger } from "../../../src/core/logger.js";
import type { InboundMessage } from "../../../src/core/messages.js";
import { type FakeZaloApi, startFakeZaloApi, zaloUpdate } from "../../fakes/zalo-api.js";

const CHAT = "7a1c9e0b3d5f2a4c6e8b";

/** What the channel hands the app, with promises to wait on instead of sleeping. */
function recorder() {
  const events = new EventEmitter();
  const messages: InboundMessage[] = [];
  const ignored: string[] = [];
  const logs: string[] = [];
  const waitUntil = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        events.off("change", check);
        resolve();
      };
      events.on("change", check);
      check();
    });
  const changed = () => events.emit("change");
  return {
    messages,
    ignored,
    logs,
    waitUntil,
    deps: {
      onInbound: async (message: InboundMessage) => {
        messages.push(message);
        changed();
      },
      onIgnored: (_channel: string, reason: string) => {
        ignored.push(reason);
        changed();
      },
      logger: createLogger("info", {
        write: (line: string) => {
          logs.push(line);
          changed();
        },
      }),
    },
  };
}

describe("createZaloChannel polling", () => {
  let api: FakeZaloApi;
  let channel: Channel;

  afterEach(async () => {
    await channel.stop?.();
    await api.close();
  });

  function pollingChannel(token: string, deps: ReturnType<typeof recorder>["deps"]): Channel {
    channel = createZaloChannel(
      { token, apiRoot: api.apiRoot, mode: "polling", webhookSecret: undefined },
      deps,
    );
    expect(channel.routes).toBeUndefined();
    return channel;
  }

  it("asks getMe first, treats 408 as idle, drops its own echoes and hands over updates", async () => {
    api = await startFakeZaloApi({ longPollMs: 30 });
    const seen = recorder();
    await pollingChannel(api.token, seen.deps).start?.();

    // Three polls within two seconds: a 408 is no reason to back off for five.
    await api.waitForCalls("getUpdates", 3, 2_000);
    expect(api.calls()[0]?.method).toBe("getMe");

    api.queueUpdate(zaloUpdate.text(CHAT, "Tin của chính bot", { fromId: api.botId }));
    api.queueUpdate(zaloUpdate.text(CHAT, "/start"));
    await seen.waitUntil(() => seen.messages.length === 1);

    expect(seen.ignored).toEqual(["echo"]);
    expect(seen.messages[0]).toMatchObject({ chatId: CHAT, content: { kind: "command", command: "start" } });
  });

  it("ends a pending long poll promptly on stop()", async () => {
    api = await startFakeZaloApi();
    await pollingChannel(api.token, recorder().deps).start?.();
    await api.waitForCalls("getUpdates", 1);

    const started = performance.now();
    await channel.stop?.();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(api.calls("getUpdates")).toHaveLength(1);
  });

  it("stops with a logged error when Zalo refuses the token, never logging the token", async () => {
    api = await startFakeZaloApi();
    const seen = recorder();
    const wrongToken = "5555555555:revoked-token-qwerty";
    await pollingChannel(wrongToken, seen.deps).start?.();

    await seen.waitUntil(() => seen.logs.some((line) => line.includes("401")));
    await channel.stop?.();
    expect(api.calls().map((call) => call.method)).toEqual(["getMe"]);
    expect(seen.logs.join("\n")).not.toContain("revoked-token-qwerty");
  });
});
