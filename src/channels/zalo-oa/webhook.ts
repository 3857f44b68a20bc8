/**
 * POST /webhooks/zalo-oa: checks the signature on the raw body, refuses stale events, and answers
 * 200 within Zalo's 2 s. The event is handed to the core, which is given a short budget and then
 * left to finish after the answer; Zalo retries only when it cannot connect, so a failure is
 * logged rather than answered with 500. Duplicates share an updateId and the core drops them.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyPluginAsync } from "fastify";
import type { InboundHandler } from "../../core/channel.js";
import type { Logger } from "../../core/logger.js";
import { toInbound } from "./inbound.js";
import { checkZaloOaSignature } from "./signature.js";

export interface ZaloOaWebhookOptions {
  appId: string;
  secretKey: string;
  onInbound: InboundHandler;
  onIgnored: (reason: string) => void;
  logger: Logger;
  /** How long the answer may wait for the core before acknowledging anyway. */
  ackBudgetMs?: number;
  maxEventAgeMs?: number;
}

const ACK_BUDGET_MS = 1_500;
const MAX_EVENT_AGE_MS = 5 * 60_000;
/** On shutdown, events still being handled get this long to finish. */
const CLOSE_WAIT_MS = 10_000;
const SUCCESS = { message: "Success" };

export function zaloOaWebhook(options: ZaloOaWebhookOptions): FastifyPluginAsync {
  const log = options.logger;
  return async (app) => {
    const inflight = new Set<Promise<void>>();
    // The signature covers the exact bytes received, so this route keeps the body as text.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
    app.addHook("onClose", async () => {
      await Promise.race([Promise.allSettled(inflight), sleep(CLOSE_WAIT_MS, undefined, { ref: false })]);
    });

    app.post("/webhooks/zalo-oa", async (request, reply) => {
      const check = checkZaloOaSignature({
        appId: options.appId,
        secretKey: options.secretKey,
        rawBody: typeof request.body === "string" ? request.body : "",
        signature: request.headers["x-zevent-signature"],
        timestampHeader: request.headers["x-zevent-timestamp"],
        nowMs: Date.now(),
        maxAgeMs: options.maxEventAgeMs ?? MAX_EVENT_AGE_MS,
      });
      if (!check.ok) {
        log.warn({ refusal: check.refusal }, "Zalo OA webhook refused");
        return reply.code(401).send({ message: "Unauthorized" });
      }
      const result = toInbound(check.body);
      if ("ignored" in result) {
        options.onIgnored(result.ignored);
        return reply.code(200).send(SUCCESS);
      }
      const handling = options
        .onInbound(result)
        .catch((err) => log.error({ err, updateId: result.updateId }, "handling a Zalo OA event failed"));
      inflight.add(handling);
      void handling.finally(() => inflight.delete(handling));
      await withinBudget(handling, options.ackBudgetMs ?? ACK_BUDGET_MS);
      return reply.code(200).send(SUCCESS);
    });
  };
}

async function withinBudget(task: Promise<unknown>, budgetMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budgetMs);
  });
  await Promise.race([task, budget]);
  clearTimeout(timer);
}
