/**
 * Paying a money pledge: the VietQR image (routes.ts), the payment details shown after a pledge
 * (payment.ts, used by ../pledges/), and bank statements reconciled by `npm run
 * import:statement` (statement.ts, reconcile.ts), whose thank-yous the pledges feature sends.
 */
import type { Feature } from "../../core/feature.js";
import type { FeatureFactory } from "../context.js";
import { createPledgeService } from "../pledges/service.js";
import { vietQrRoutes } from "./routes.js";

export const paymentsFeature: FeatureFactory = (ctx): Feature => ({
  name: "payments",
  routes: vietQrRoutes({ pledges: createPledgeService(ctx.mongo), vietqr: ctx.config.vietqr }),
});
