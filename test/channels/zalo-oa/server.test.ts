/**
 * The channel inside the app's own HTTP server (src/http/server.ts), wired the way src/app.ts is
 * asked to wire it: the webhook beside the other routes, and /readyz following isHealthy().
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZaloOaChannel } from "../../../src/channels/zalo-oa/adapter.js";
import type { InboundMessage } from "../../../src/core/messages.js";
import { createMetrics } from "../../../src/http/metrics.js";
import { buildServer } from "../../../src/http/server.js";
import { FAKE_OA_SECRET_KEY, OA_PATHS, oaEvent, postEvent } from "../../fakes/zalo-oa-api.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { type OaHarness, startOaHarness } from "./harness.js";

const USER = "5287361049312256180";

describe("Zalo OA channel in the app's server", () => {
  let harness: OaHarness;
  let channel: ZaloOaChannel;
  /** The instance /readyz asks; a test swaps in a restarted one. */
  let current: ZaloOaChannel;
  let server: FastifyInstance;
  let base: string;
  const received: InboundMessage[] = [];

  beforeAll(async () => {
    harness = await startOaHarness();
    channel = harness.channel({}, { onInbound: async (message) => void received.push(message) });
    current = channel;
    server = await buildServer({
      logger: silentLogger(),
      metrics: createMetrics(),
      readiness: { zaloOa: async () => current.isHealthy() },
      routes: [channel.routes!],
    });
    await server.listen({ port: 0, host: "127.0.0.1" });
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await channel.stop?.();
    await server.close();
    await harness.close();
  });

  it("receives signed events on /webhooks/zalo-oa", async () => {
    const response = await postEvent(`${base}/webhooks/zalo-oa`, oaEvent.follow(USER), {
      appId: harness.api.appId,
      secretKey: FAKE_OA_SECRET_KEY,
    });
    expect(response.status).toBe(200);
    expect(received.map((message) => message.content)).toEqual([
      { kind: "command", command: "start", args: "" },
    ]);
  });

  it("reports ready after a refresh, and not ready once a refresh is refused", async () => {
    await channel.start?.();
    await channel.stop?.();
    expect(harness.api.calls(OA_PATHS.token)).toHaveLength(1);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // A restarted instance finds the access token nearly expired, and Zalo refuses the refresh token.
    await harness.mongo
      .collection("zalo_oa_tokens")
      .updateOne({ appId: harness.api.appId }, { $set: { expiresAt: new Date(Date.now() + 60_000) } });
    harness.api.failNext(OA_PATHS.token, -14014);
    current = harness.channel();
    await current.start?.();
    await current.stop?.();
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not ready", checks: { zaloOa: "down" } });
  });
});
