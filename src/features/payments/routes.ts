/**
 * HTTP for donors and the public: the VietQR image of a pledge (Zalo and Telegram fetch photos
 * by URL) and the anonymous transparency summary as JSON.
 */
import type { FastifyPluginAsync } from "fastify";
import type { VietQrConfig } from "../../config.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { PledgeService } from "../pledges/service.js";
import type { PledgeSummary } from "../transparency/summarize.js";
import { vietQrPayloadFor } from "./payment.js";
import { renderVietQrPng } from "./vietqr/render.js";

export function createPledgeRoutes(deps: {
  pledges: PledgeService;
  vietqr: VietQrConfig | undefined;
  summarize: () => Promise<PledgeSummary>;
}): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { code: string } }>("/vietqr/:code.png", async (request, reply) => {
      const code = readHumanCode("UH", request.params.code);
      const pledge = code && deps.vietqr ? await deps.pledges.byCode(code) : null;
      // Nothing left to pay (cancelled, paid, no money in it) is the same as no such pledge.
      const payload = pledge && deps.vietqr ? vietQrPayloadFor(pledge, deps.vietqr) : undefined;
      if (!payload) return reply.code(404).send({ error: "not found" });
      const png = await renderVietQrPng(payload);
      // Short-lived: the amount shrinks as parts of the pledge arrive.
      return reply
        .header("content-type", "image/png")
        .header("cache-control", "private, max-age=300")
        .send(png);
    });

    app.get("/api/summary", async (_request, reply) => {
      const summary = await deps.summarize();
      return reply.header("cache-control", "public, max-age=60").send(summary);
    });
  };
}
