/**
 * OAuth v4 tokens across instances, on the real MongoDB and Redis: one refresher at a time, the
 * rotated pair stored, the env refresh token used only once, and failures visible but never leaking.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../src/core/messages.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { Redis } from "../../../src/storage/redis.js";
import { FAKE_OA_SECRET_KEY, OA_PATHS } from "../../fakes/zalo-oa-api.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri, testRedisUrl } from "../../helpers/stores.js";
import { type OaHarness, startOaHarness } from "./harness.js";

const USER = "5287361049312256180";
const HELLO: OutboundMessage = { kind: "text", text: "Xin chào" };

describe("Zalo OA tokens", () => {
  let harness: OaHarness;
  beforeEach(async () => {
    harness = await startOaHarness();
  });
  afterEach(() => harness.close());

  function errorLines(): Array<{ msg: string }> {
    return harness.logs
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((l) => l.level >= 50);
  }

  it("lets exactly one of two racing instances refresh, and both send with the new token", async () => {
    // The second instance has connections of its own, as another process would.
    const mongo = await connectMongo(testMongoUri(harness.mongo.name), silentLogger());
    const redis = new Redis(testRedisUrl());
    const first = harness.channel();
    const second = harness.channel({}, { mongo, redis });
    const initialRefreshToken = harness.api.refreshToken;

    const outcomes = await Promise.all([first.send(USER, HELLO), second.send(USER, HELLO)]);
    await mongo.close();
    await redis.quit();

    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["sent", "sent"]);
    expect(harness.api.calls(OA_PATHS.token)).toHaveLength(1);
    expect(harness.api.calls(OA_PATHS.send).map((call) => call.credential)).toEqual([
      harness.api.accessToken,
      harness.api.accessToken,
    ]);
    const stored = await harness.storedTokens();
    expect(stored?.refreshToken).toBe(harness.api.refreshToken);
    expect(stored?.refreshToken).not.toBe(initialRefreshToken);
    expect(stored?.accessToken).toBe(harness.api.accessToken);
  });

  it("starts from ZALO_OA_REFRESH_TOKEN when nothing is stored yet", async () => {
    const envToken = harness.api.refreshToken;
    expect(await harness.storedTokens()).toBeNull();
    expect((await harness.channel({ refreshToken: envToken }).send(USER, HELLO)).kind).toBe("sent");
    expect(harness.api.calls(OA_PATHS.token).map((call) => call.body.refresh_token)).toEqual([envToken]);
  });

  it("ignores ZALO_OA_REFRESH_TOKEN once a pair is stored, even after a restart", async () => {
    await harness.channel().send(USER, HELLO);
    const restarted = harness.channel({ refreshToken: "rt_an-old-token-still-in-the-env" });
    expect((await restarted.send(USER, HELLO)).kind).toBe("sent");
    expect(harness.api.calls(OA_PATHS.token)).toHaveLength(1);
  });

  it("refreshes with the stored refresh token when less than an hour of the access token is left", async () => {
    await harness.channel().send(USER, HELLO);
    const stored = harness.api.refreshToken;
    const soon = new Date(Date.now() + 30 * 60_000);
    await harness.mongo
      .collection("zalo_oa_tokens")
      .updateOne({ appId: harness.api.appId }, { $set: { expiresAt: soon } });

    expect((await harness.channel({ refreshToken: "rt_env-is-not-used" }).send(USER, HELLO)).kind).toBe(
      "sent",
    );
    expect(harness.api.calls(OA_PATHS.token).map((call) => call.body.refresh_token)).toEqual([
      expect.any(String),
      stored,
    ]);
  });

  it("refreshes once and retries once when Zalo calls the access token invalid", async () => {
    const channel = harness.channel();
    harness.api.failNext(OA_PATHS.send, -216);
    expect(await channel.send(USER, HELLO)).toEqual({ kind: "sent", messageIds: ["oam1"] });
    expect(harness.api.calls(OA_PATHS.token)).toHaveLength(2);
    expect(harness.api.calls(OA_PATHS.send)).toHaveLength(2);
  });

  it("rejects the send when the refreshed token is refused too", async () => {
    const channel = harness.channel();
    harness.api.failNext(OA_PATHS.send, -216);
    harness.api.failNext(OA_PATHS.send, -216);
    const outcome = await channel.send(USER, HELLO);
    expect(outcome).toEqual({ kind: "rejected", reason: expect.stringContaining("bad-token") });
    expect(harness.api.calls(OA_PATHS.send)).toHaveLength(2);
  });

  it("picks up the token another instance stored instead of refreshing again", async () => {
    const first = harness.channel();
    const second = harness.channel();
    await first.send(USER, HELLO);
    await second.send(USER, HELLO);
    // first refreshes after a refusal; Zalo then refuses the token second still holds.
    harness.api.failNext(OA_PATHS.send, -216);
    await first.send(USER, HELLO);
    expect(harness.api.calls(OA_PATHS.token)).toHaveLength(2);

    expect((await second.send(USER, HELLO)).kind).toBe("sent");
    expect(harness.api.calls(OA_PATHS.token)).toHaveLength(2);
    expect(harness.api.calls(OA_PATHS.send).at(-1)?.credential).toBe(harness.api.accessToken);
  });

  it("turns unhealthy and logs an error without any secret when the refresh is refused", async () => {
    const envToken = harness.api.refreshToken;
    harness.api.failNext(OA_PATHS.token, -14014);
    const channel = harness.channel({ refreshToken: envToken });
    expect(channel.isHealthy()).toBe(true);

    const outcome = await channel.send(USER, HELLO);

    expect(outcome).toEqual({ kind: "transient", reason: expect.stringContaining("no access token") });
    expect(channel.isHealthy()).toBe(false);
    expect(errorLines().map((line) => line.msg)).toEqual([
      expect.stringMatching(/^Zalo OA token refresh failed: .*authorise the app again/),
    ]);
    for (const secret of [envToken, harness.api.appSecret, FAKE_OA_SECRET_KEY]) {
      expect(harness.logs.join("\n")).not.toContain(secret);
    }
  });

  it("keeps every token out of the logs through a successful rotation", async () => {
    const initial = harness.api.refreshToken;
    const channel = harness.channel();
    await channel.send(USER, HELLO);
    harness.api.failNext(OA_PATHS.send, -216);
    await channel.send(USER, HELLO);
    expect(harness.logs.length).toBeGreaterThan(0);
    for (const secret of [
      initial,
      harness.api.refreshToken,
      harness.api.accessToken,
      harness.api.appSecret,
    ]) {
      expect(harness.logs.join("\n")).not.toContain(secret);
    }
  });

  it("reports unhealthy after start when there is no refresh token at all", async () => {
    const channel = harness.channel({ refreshToken: null });
    await channel.start?.();
    await channel.stop?.();
    expect(channel.isHealthy()).toBe(false);
    expect(errorLines().map((line) => line.msg)).toEqual([
      expect.stringContaining("set ZALO_OA_REFRESH_TOKEN"),
    ]);
    expect(harness.api.calls(OA_PATHS.token)).toEqual([]);
  });
});
