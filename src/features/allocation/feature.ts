/**
 * Allocation (docs/allocation.md): the console's "Lô quà" (lots, a lot's proposal, approving
 * it) and "Ưu tiên" (the priority table). Approving a batch tells every parent and donor
 * through the delivery engine (notices.ts). The chat has nothing of its own here: parents hear
 * the news, and the handover feature takes it from there.
 */
import type { Feature } from "../../core/feature.js";
import type { FeatureFactory } from "../context.js";
import { createRequestService } from "../requests/service.js";
import { createApprover } from "./approve.js";
import { placeOf } from "./candidates.js";
import { registerLotPages } from "./lot-pages.js";
import { createLotService } from "./lots.js";
import type { Lot } from "./model.js";
import { createAllocationNotices } from "./notices.js";
import { registerPriorityPages } from "./priority-pages.js";
import { createPriorityStore } from "./priority-store.js";
import { registerProposalPages } from "./proposal-pages.js";
import { createProposalView } from "./proposal-view.js";

export const allocationFeature: FeatureFactory = (ctx): Feature => {
  const requests = createRequestService(ctx.mongo, ctx.lock);
  const lots = createLotService(ctx.mongo, ctx.lock);
  const priority = createPriorityStore(ctx.mongo, ctx.lock);
  const place = (lot: Lot) => placeOf(lot, ctx.staffScopes);
  const approve = createApprover({ connection: ctx.mongo, lock: ctx.lock, requests, placeOf: place });
  const notices = createAllocationNotices({
    mongo: ctx.mongo,
    deliveries: ctx.deliveries,
    i18n: ctx.i18n,
    schools: ctx.schools,
  });
  const rowsOf = createProposalView(ctx.mongo, ctx.schools);
  return {
    name: "allocation",
    console: {
      nav: [
        { path: "/lots", labelKey: "allocation-nav-lots", levels: ["province", "area"] },
        { path: "/priority", labelKey: "allocation-nav-priority" },
      ],
      async register(app, kit) {
        registerLotPages(app, kit, { lots, schools: ctx.schools, scopes: ctx.staffScopes });
        registerProposalPages(app, kit, {
          connection: ctx.mongo,
          lots,
          scopes: ctx.staffScopes,
          priority,
          placeOf: place,
          approve,
          notices,
          rowsOf,
        });
        registerPriorityPages(app, kit, priority);
      },
    },
  };
};
