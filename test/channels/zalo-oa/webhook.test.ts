/** POST /webhooks/zalo-oa on a small Fastify app: signatures, stale events, duplicates, the fast ack. */
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { InboundMessage } from "../../../src/core/messages.js";
import {
  FAKE_OA_SECRET_KEY,
  type OaEventBody,
  oaEvent,
  type PostEventOptions,
  postEvent,
} from "../../fakes/zalo-oa-api.js";
import { type OaHarness, startOaHarness } from "./harness.js";

const USER = "5287361049312256180";

describe("Zalo OA webhook route", () => {
  let harness: OaHarness;
  let app: FastifyInstance;
  let url: string;
  let received: InboundMessage[] = [];
  let ignored: string[] = [];
  let signing: PostEventOptions;

  async function listen(onInbound: (message: InboundMessage) => Promise<void>, ackBudgetMs?: number) {
    const channel = harness.channel(
      {},
      {
        onInbound,
        onIgnored: (_channel, reason) => void ignored.push(reason),
        ...(ackBudgetMs === undefined ? {} : { ackBudgetMs }),
      },
    );
    app = Fastify();
    await app.register(channel.routes!);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/webhooks/zalo-oa`;
  }
  const record = async (message: InboundMessage) => void received.push(message);

  beforeAll(async () => {
    harness = await startOaHarness();
    signing = { appId: harness.api.appId, secretKey: FAKE_OA_SECRET_KEY };
  });
  afterAll(() => harness.close());
  afterEach(async () => {
    await app.close();
    received = [];
    ignored = [];
  });

  const accepted: Array<{ label: string; options: Partial<PostEventOptions> }> = [
    { label: "a bare hex signature", options: {} },
    { label: "the mac= form of the signature", options: { signatureForm: "mac" } },
    { label: "an event from two minutes ago", options: { timestamp: Date.now() - 2 * 60_000 } },
  ];

  it.each(accepted)("accepts $label and hands the event to the core", async ({ options }) => {
    await listen(record);
    const response = await postEvent(url, oaEvent.text(USER, "Xin chào"), { ...signing, ...options });
    expect(response).toEqual({ status: 200, text: '{"message":"Success"}' });
    expect(received.map((message) => message.content)).toEqual([{ kind: "text", text: "Xin chào" }]);
  });

  const refused: Array<{ label: string; options: Partial<PostEventOptions> }> = [
    { label: "a body changed after signing", options: { tamper: true } },
    {
      label: "a body changed by one character",
      options: { tamper: (raw) => raw.replace("Xin chào", "Xin chàp") },
    },
    { label: "a signature made with another key", options: { secretKey: "another-oa-secret-key" } },
    { label: "a signature made for another app", options: { appId: "1234567890" } },
    { label: "an event older than five minutes", options: { timestamp: Date.now() - 6 * 60_000 } },
    { label: "an event from the future", options: { timestamp: Date.now() + 6 * 60_000 } },
    { label: "a missing signature header", options: { signatureForm: null } },
  ];

  it.each(refused)("answers 401 to $label and handles nothing", async ({ options }) => {
    await listen(record);
    const response = await postEvent(url, oaEvent.text(USER, "Xin chào"), { ...signing, ...options });
    expect(response.status).toBe(401);
    expect(received).toEqual([]);
    expect(ignored).toEqual([]);
  });

  it("refuses a body that is not JSON with 401, not 400", async () => {
    await listen(record);
    const response = await app.inject({
      method: "POST",
      url: "/webhooks/zalo-oa",
      headers: { "content-type": "application/json", "x-zevent-signature": "a".repeat(64) },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(401);
  });

  it("hands the same event posted twice to the core with the same updateId, for the core to drop", async () => {
    await listen(record);
    const event = oaEvent.text(USER, "Tôi cần máy tính");
    expect((await postEvent(url, event, signing)).status).toBe(200);
    expect((await postEvent(url, event, signing)).status).toBe(200);
    expect(received).toHaveLength(2);
    expect(received[0]!.updateId).toBe((event.message as { msg_id: string }).msg_id);
    expect(received[1]!.updateId).toBe(received[0]!.updateId);
  });

  const skipped: Array<{ label: string; event: OaEventBody; reason: string }> = [
    { label: "a read receipt", event: oaEvent.other("user_seen_message", USER), reason: "receipt" },
    { label: "the echo of our own send", event: oaEvent.other("oa_send_text", USER), reason: "echo" },
  ];

  it.each(skipped)("answers 200 to $label and counts it as ignored", async ({ event, reason }) => {
    await listen(record);
    expect((await postEvent(url, event, signing)).status).toBe(200);
    expect(ignored).toEqual([reason]);
    expect(received).toEqual([]);
  });

  it("acknowledges within its budget while the core is still working", async () => {
    let finish: () => void = () => {};
    const working = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let finished = false;
    await listen(async () => {
      await working;
      finished = true;
    }, 50);
    const response = await postEvent(url, oaEvent.text(USER, "Xin chào"), signing);
    expect(response.status).toBe(200);
    expect(finished).toBe(false);
    finish();
    await working;
  });

  it("answers 200 and logs the failure when the core throws", async () => {
    await listen(async () => {
      throw new Error("database down");
    });
    const before = harness.logs.length;
    expect((await postEvent(url, oaEvent.text(USER, "Xin chào"), signing)).status).toBe(200);
    const lines = harness.logs
      .slice(before)
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, msg: "handling a Zalo OA event failed" }),
    );
  });
});
