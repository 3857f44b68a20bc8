/** POST /webhooks/zalo on a small Fastify app: the secret check, both body shapes, failures. */
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZaloChannel } from "../../../src/channels/zalo/adapter.js";
import type { InboundMessage } from "../../../src/core/messages.js";
import { type FakeZaloApi, postZaloWebhook, startFakeZaloApi, zaloUpdate } from "../../fakes/zalo-api.js";
import { silentLogger } from "../../helpers/silent-logger.js";

const SECRET = "zalo_webhook-Secret_123";
const CHAT = "7a1c9e0b3d5f2a4c6e8b";

describe("createZaloChannel webhook route", () => {
  let api: FakeZaloApi;
  let app: FastifyInstance;
  let url: string;
  let received: InboundMessage[];
  let ignored: string[];
  let failInbound: boolean;

  async function listen(webhookSecret: string | undefined) {
    const channel = createZaloChannel(
      { token: api.token, apiRoot: api.apiRoot, mode: "webhook", webhookSecret },
      {
        onInbound: async (message) => {
          if (failInbound) throw new Error("database down");
          received.push(message);
        },
        onIgnored: (_channel, reason) => ignored.push(reason),
        logger: silentLogger(),
      },
    );
    expect(channel.start).toBeUndefined();
    app = Fastify();
    await app.register(channel.routes!);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/webhooks/zalo`;
  }

  beforeEach(async () => {
    api = await startFakeZaloApi();
    received = [];
    ignored = [];
    failInbound = false;
  });
  afterEach(async () => {
    await app.close();
    await api.close();
  });

  const refused: Array<{ label: string; configured: string | undefined; sent: string | null }> = [
    { label: "a wrong secret", configured: SECRET, sent: "zalo_webhook-Secret_124" },
    { label: "a secret of another length", configured: SECRET, sent: "short" },
    { label: "a missing header", configured: SECRET, sent: null },
    { label: "an empty header when no secret is configured", configured: "", sent: "" },
    { label: "any header when the secret is unset", configured: undefined, sent: SECRET },
  ];

  it.each(refused)("answers 401 to $label and handles nothing", async ({ configured, sent }) => {
    await listen(configured);
    const response = await postZaloWebhook(url, zaloUpdate.text(CHAT, "Xin chào"), sent);
    expect(response.status).toBe(401);
    expect(received).toEqual([]);
    expect(ignored).toEqual([]);
  });

  it("checks the secret before parsing, so a bad body with a bad secret is 401, not 400", async () => {
    await listen(SECRET);
    const response = await app.inject({
      method: "POST",
      url: "/webhooks/zalo",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": "nope" },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(401);
  });

  const accepted = [
    { label: "an unwrapped push", body: zaloUpdate.text(CHAT, "Xin chào", { messageId: "w1" }) },
    {
      label: "a wrapped push",
      body: zaloUpdate.wrapped(zaloUpdate.text(CHAT, "Xin chào", { messageId: "w1" })),
    },
  ];

  it.each(accepted)("accepts $label and answers Success after handling it", async ({ body }) => {
    await listen(SECRET);
    const response = await postZaloWebhook(url, body, SECRET);
    expect(response).toEqual({ status: 200, text: '{"message":"Success"}' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      channel: "zalo",
      chatId: CHAT,
      updateId: "message.text.received:w1",
      content: { kind: "text", text: "Xin chào" },
    });
  });

  it("answers 200 to an empty health probe without handling anything", async () => {
    await listen(SECRET);
    expect((await postZaloWebhook(url, undefined, SECRET)).status).toBe(200);
    const empty = await app.inject({
      method: "POST",
      url: "/webhooks/zalo",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": SECRET },
      payload: "",
    });
    expect(empty.statusCode).toBe(200);
    expect(received).toEqual([]);
    expect(ignored).toEqual([]);
  });

  it("counts an unknown event as ignored and still answers 200", async () => {
    await listen(SECRET);
    const body = { event_name: "message.poll.received", message: zaloUpdate.text(CHAT, "x").message };
    expect((await postZaloWebhook(url, body, SECRET)).status).toBe(200);
    expect(ignored).toEqual(["unknown-event:message.poll.received"]);
    expect(received).toEqual([]);
  });

  it("answers 500 when handling the update fails, so the failure is visible", async () => {
    await listen(SECRET);
    failInbound = true;
    expect((await postZaloWebhook(url, zaloUpdate.text(CHAT, "Xin chào"), SECRET)).status).toBe(500);
  });
});
