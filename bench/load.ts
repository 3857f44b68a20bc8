/**
 * The load generator of the inbound benchmark: `concurrency` webhook calls in flight over
 * keep-alive connections, each update new (unique update_id), until a duration has passed or a
 * count has been sent. Measures the webhook's answer time; what the bot sent is counted at the
 * fake Bot API, not here.
 */
import { Agent, request } from "node:http";

export interface LoadOptions {
  url: string;
  secret: string;
  concurrency: number;
  /** Stop starting updates after this long... */
  seconds?: number;
  /** ...or after this many, whichever comes first. */
  count?: number;
  /** The i-th update of this run. */
  update(i: number): unknown;
}

export interface LoadResult {
  sent: number;
  /** Answers that were not 2xx, and calls that failed outright. */
  failed: number;
  seconds: number;
  /** Webhook answer times in ms, sorted. */
  latencies: Float64Array;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL("/webhooks/telegram", options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const deadline = options.seconds === undefined ? Number.POSITIVE_INFINITY : options.seconds * 1000;
  const count = options.count ?? Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;

  const post = (body: string) =>
    new Promise<boolean>((resolve) => {
      const req = request(
        target,
        {
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "x-telegram-bot-api-secret-token": options.secret,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
          res.on("error", () => resolve(false));
        },
      );
      req.on("error", () => resolve(false));
      req.end(body);
    });

  const startedAt = performance.now();
  async function worker(): Promise<void> {
    while (next < count && performance.now() - startedAt < deadline) {
      const body = JSON.stringify(options.update(next++));
      const at = performance.now();
      const ok = await post(body);
      latencies.push(performance.now() - at);
      if (!ok) failed++;
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - startedAt) / 1000;
  agent.destroy();
  return { sent: next, failed, seconds, latencies: Float64Array.from(latencies).sort() };
}
