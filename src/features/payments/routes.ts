/**
 * The VietQR image of a money pledge still to be paid: platforms fetch photos by URL, so the
 * donor's bank app scans what this route draws.
 */
import type { FastifyPluginAsync } from "fastify";
import type { VietQrConfig } from "../../config.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { PledgeService } from "../pledges/service.js";
import { vietQrPayloadFor } from "./payment.js";
import { renderVietQrPng } from "./vietqr/render.js";

export function vietQrRoutes(deps: {
  pledges: PledgeService;
  vietqr: VietQrConfig | undefined;
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
      return (
        reply
          .header("content-type", "image/png")
          .header("cache-control", "private, max-age=300")
          // Shown by other origins too (a platform's webview, the web chat under another host name).
          .header("cross-origin-resource-policy", "cross-origin")
          .send(png)
      );
    });
  };
}
