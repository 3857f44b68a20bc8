import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { type LocalRedis, startLocalRedis } from "../../src/storage/local/local-redis.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testMongoUri } from "../helpers/stores.js";

describe("/readyz, /healthz and /metrics", () => {
  let redis: LocalRedis;
  let app: RunningApp;

  beforeAll(async () => {
    // A Redis of this test's own, so stopping it disturbs no other test.
    redis = await startLocalRedis(silentLogger());
    const loaded = loadConfig({
      PORT: "0",
      METRICS_PORT: "0",
      MONGODB_URI: testMongoUri(),
      REDIS_URL: redis.url,
    });
    if (!loaded.ok) throw new Error(loaded.message);
    app = await startApp(loaded.config, silentLogger(), { host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    await redis.server.stop();
  });

  it("answers 200 when Redis and MongoDB answer", async () => {
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", checks: { redis: "up", mongodb: "up" } });
  });

  it("turns 503 when Redis stops and 200 again when it is back", async () => {
    const port = Number(new URL(redis.url).port);
    await redis.server.stop();
    const down = await fetch(`${app.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ checks: { redis: "down", mongodb: "up" } });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

    redis = await startLocalRedis(silentLogger(), port);
    // The app's client reconnects on its own, with backoff: its "ready" is when to ask again.
    if (app.redis.status !== "ready") await once(app.redis, "ready");
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });

  it("exposes process metrics and request durations in Prometheus format on the metrics port", async () => {
    await fetch(`${app.url}/healthz`);
    const text = await (await fetch(`${app.metricsUrl}/metrics`)).text();
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toMatch(/choem_http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*\} \d+/);
  });
});
