/** "/kemgoi": staff send a call for donations to every donor who agreed to hear from the programme. */
import type { CompleteContext } from "../../core/dialog/form.js";
import type { Feature, Tools } from "../../core/feature.js";
import { wordsField } from "../../core/forms/fields.js";
import type { OutboundMessage } from "../../core/messages.js";
import { actorOf, hasRole } from "../../core/person.js";
import { say, type Turn } from "../../core/turn.js";
import type { FeatureContext, FeatureFactory } from "../context.js";
import { createPledgeService } from "../pledges/service.js";
import { campaignForm } from "./campaign.form.js";
import { createCampaignService } from "./campaign.service.js";

export const campaignsFeature: FeatureFactory = (ctx) => createCampaignsFeature(ctx);

export function createCampaignsFeature(ctx: Pick<FeatureContext, "mongo" | "deliveries">): Feature {
  const campaigns = createCampaignService({
    mongo: ctx.mongo,
    pledges: createPledgeService(ctx.mongo),
    deliveries: ctx.deliveries,
  });

  async function launch(form: CompleteContext, text: string): Promise<OutboundMessage[]> {
    const { t } = form;
    if (!hasRole(form.person, "staff")) return [{ kind: "text", text: t("staff-only") }];
    const campaign = await campaigns.launch({
      idempotencyKey: form.idempotencyKey,
      text,
      message: `${t("campaign-header")}\n\n${text}\n\n${t("campaign-footer")}`,
      by: actorOf(form.person),
      locale: form.locale,
    });
    return [
      { kind: "text", text: t("campaign-queued", { code: campaign.code, count: campaign.recipients }) },
    ];
  }

  async function start(turn: Turn, args: string, tools: Tools): Promise<void> {
    if (!hasRole(turn.person, "staff")) return say(turn, turn.t("staff-only"));
    const typed = wordsField(10, 2000).safeParse(args);
    await tools.dialogs.start(turn, "campaign", typed.success ? { text: typed.data } : {});
  }

  return { name: "campaigns", forms: [campaignForm(launch)], commands: { kemgoi: start } };
}
