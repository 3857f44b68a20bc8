/** The Zalo Bot API client against the loopback fake: envelopes, typed errors, redaction, outcomes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createZaloClient,
  toSendOutcome,
  type ZaloError,
  type ZaloResult,
} from "../../../src/channels/zalo/client.js";
import type { SendOutcome } from "../../../src/core/messages.js";
import { type FakeZaloApi, startFakeZaloApi, zaloUpdate } from "../../fakes/zalo-api.js";

const TOKEN = "9876543210:s3cr3t-zalo-token-xyz";

function errorOf<T>(result: ZaloResult<T>): ZaloError {
  if (result.ok) throw new Error("expected a failure");
  return result.error;
}

/** A fetch that answers one canned response, for answers the fake never gives. */
function answering(body: string, status = 200): typeof fetch {
  return async () => new Response(body, { status, headers: { "content-type": "application/json" } });
}

describe("createZaloClient", () => {
  let api: FakeZaloApi;
  beforeAll(async () => {
    api = await startFakeZaloApi({ token: TOKEN, longPollMs: 50 });
  });
  afterAll(() => api.close());

  it("posts JSON to /bot<token>/<method> and returns the checked result", async () => {
    const client = createZaloClient({ token: TOKEN, apiRoot: api.apiRoot });
    expect(await client.getMe()).toEqual({ ok: true, result: expect.objectContaining({ id: api.botId }) });
    const sent = await client.sendMessage("chat-1", "Xin chào");
    expect(sent).toEqual({ ok: true, result: expect.objectContaining({ message_id: expect.any(String) }) });
    expect(api.calls("sendMessage").at(-1)?.payload).toEqual({ chat_id: "chat-1", text: "Xin chào" });
  });

  it("returns one queued update from getUpdates, and 408 when idle", async () => {
    const client = createZaloClient({ token: TOKEN, apiRoot: api.apiRoot });
    const update = zaloUpdate.text("chat-1", "Chào");
    api.queueUpdate(update);
    expect(await client.getUpdates(30)).toEqual({ ok: true, result: [update] });
    expect(errorOf(await client.getUpdates(30))).toEqual({
      kind: "api",
      code: 408,
      description: "Request timeout",
    });
  });

  it("accepts getUpdates answering an array", async () => {
    const update = zaloUpdate.text("chat-1", "Chào");
    const client = createZaloClient({
      token: TOKEN,
      apiRoot: "http://zalo.invalid",
      fetch: answering(JSON.stringify({ ok: true, result: [update, update] })),
    });
    expect(await client.getUpdates(30)).toEqual({ ok: true, result: [update, update] });
  });

  const failures: Array<{
    label: string;
    fetch?: typeof fetch;
    apiRoot?: string;
    token?: string;
    kind: string;
  }> = [
    { label: "a refused token", token: "1111111111:wrong-token-abcdef", kind: "api" },
    { label: "a refused connection", apiRoot: "http://127.0.0.1:1", kind: "network" },
    {
      label: "a fetch error that quotes the URL",
      fetch: async (url) => {
        throw new TypeError(`fetch failed for ${String(url)}`, {
          cause: new Error(`connect ECONNRESET ${String(url)}`),
        });
      },
      kind: "network",
    },
    {
      label: "a timeout",
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        ),
      kind: "timeout",
    },
    {
      label: "an API description that echoes the token",
      fetch: answering(
        JSON.stringify({ ok: false, error_code: 400, description: `bad chat for bot${TOKEN}` }),
        400,
      ),
      kind: "api",
    },
    { label: "a proxy's HTML error page", fetch: answering("<html>Bad gateway</html>", 502), kind: "http" },
    { label: "a 200 that is not an envelope", fetch: answering("OK"), kind: "invalid-response" },
    {
      label: "a result of the wrong shape",
      fetch: answering('{"ok":true,"result":{"id":[]}}'),
      kind: "invalid-response",
    },
  ];

  it.each(failures)("returns $label as a $kind error that never shows the token", async (failure) => {
    const token = failure.token ?? TOKEN;
    const client = createZaloClient({
      token,
      apiRoot: failure.apiRoot ?? api.apiRoot,
      fetch: failure.fetch,
      timeoutMs: 20,
    });
    const error = errorOf(await client.getMe());
    expect(error.kind).toBe(failure.kind);
    const text = JSON.stringify(error);
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split(":")[1]);
  });

  it("reports a 200 with ok:false as an API error with Zalo's code", async () => {
    const client = createZaloClient({
      token: TOKEN,
      apiRoot: "http://zalo.invalid",
      fetch: answering('{"ok":false,"error_code":429,"description":"Quota exceeded"}'),
    });
    expect(errorOf(await client.sendMessage("c", "x"))).toEqual({
      kind: "api",
      code: 429,
      description: "Quota exceeded",
    });
  });
});

describe("toSendOutcome", () => {
  const table: Array<{ label: string; error: ZaloError; outcome: SendOutcome["kind"] }> = [
    {
      label: "429 quota exceeded is throttled",
      error: { kind: "api", code: 429, description: "Quota exceeded" },
      outcome: "throttled",
    },
    {
      label: "401 bad token is rejected",
      error: { kind: "api", code: 401, description: "Unauthorized" },
      outcome: "rejected",
    },
    {
      label: "403, Zalo's internal error, is transient",
      error: { kind: "api", code: 403, description: "x" },
      outcome: "transient",
    },
    {
      label: "400 bad request is rejected",
      error: { kind: "api", code: 400, description: "x" },
      outcome: "rejected",
    },
    { label: "404 is rejected", error: { kind: "api", code: 404, description: "x" }, outcome: "rejected" },
    { label: "408 is transient", error: { kind: "api", code: 408, description: "x" }, outcome: "transient" },
    {
      label: "HTTP 502 is transient",
      error: { kind: "http", code: 502, description: "HTTP 502" },
      outcome: "transient",
    },
    {
      label: "a timeout is transient",
      error: { kind: "timeout", description: "timed out" },
      outcome: "transient",
    },
    {
      label: "a network error is transient",
      error: { kind: "network", description: "ECONNRESET" },
      outcome: "transient",
    },
  ];

  it.each(table)("maps $label", ({ error, outcome }) => {
    expect(toSendOutcome(error).kind).toBe(outcome);
  });

  it("waits a minute after a 429, since Zalo publishes no retry_after", () => {
    expect(toSendOutcome({ kind: "api", code: 429, description: "Quota exceeded" })).toEqual({
      kind: "throttled",
      retryAfterSeconds: 60,
    });
  });
});
