/**
 * Donors (nhà hảo tâm): pledging money, devices or data packages, paying by VietQR, following
 * the gift to the school it went to, hearing calls for donations, and the public summary.
 * Staff record receipts, allocate, deliver and cancel with commands (staff-commands.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import type { Connection } from "mongoose";
import type { VietQrConfig } from "../../config.js";
import type { CompleteContext, StepContext } from "../../core/dialog/form.js";
import type { Feature, Tools } from "../../core/feature.js";
import { wordsField } from "../../core/forms/fields.js";
import type { Logger } from "../../core/logger.js";
import type { OutboundMessage } from "../../core/messages.js";
import type { Notify } from "../../core/notifier.js";
import { actorOf, hasRole } from "../../core/person.js";
import { say, type Turn } from "../../core/turn.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { Redis } from "../../storage/redis.js";
import { campaignForm } from "../campaigns/campaign.form.js";
import { createCampaignService } from "../campaigns/campaign.service.js";
import { createCampaignQueue, type Send } from "../campaigns/campaign-queue.js";
import { createNoticeSweeper } from "../payments/notice-outbox.js";
import { payableVnd, paymentMessages } from "../payments/payment.js";
import { createPledgeRoutes } from "../payments/routes.js";
import { createSchoolService } from "../schools/service.js";
import { createAudit } from "../staff/audit.js";
import { formatSummary, summarize } from "../transparency/summarize.js";
import { describePledge } from "./describe.js";
import { createPledgeLifecycle } from "./lifecycle.js";
import type { Pledge } from "./model.js";
import { pledgeForm } from "./pledge.form.js";
import { createPledgeService } from "./service.js";
import { createStaffCommands, describeForStaff } from "./staff-commands.js";

export interface PledgesDeps {
  mongo: Connection;
  redis: Redis;
  notify: Notify;
  /** Sends one message on a channel outside any turn: campaign jobs use it. */
  send: Send;
  publicUrl: string;
  vietqr: VietQrConfig | undefined;
  logger: Logger;
  /** BullMQ key prefix of the campaign queue; tests give each file its own. */
  queuePrefix?: string;
}

export function createPledgesFeature(deps: PledgesDeps): {
  feature: Feature;
  routes: FastifyPluginAsync;
  start(): Promise<void>;
  stop(): Promise<void>;
} {
  const pledges = createPledgeService(deps.mongo);
  const lifecycle = createPledgeLifecycle(deps.mongo);
  const audit = createAudit(deps.mongo);
  const campaigns = createCampaignService(deps.mongo, pledges);
  const queue = createCampaignQueue({
    redis: deps.redis,
    prefix: deps.queuePrefix ?? "choem",
    send: deps.send,
    ledger: campaigns.ledger,
    logger: deps.logger,
  });
  const notices = createNoticeSweeper({ mongo: deps.mongo, notify: deps.notify, logger: deps.logger });
  const staff = createStaffCommands({
    pledges,
    lifecycle,
    schools: createSchoolService(deps.mongo),
    audit,
    notify: deps.notify,
  });

  const payment = (
    pledge: Pledge,
    ctx: Pick<StepContext, "t" | "locale">,
    channel: Turn["message"]["channel"],
  ) => paymentMessages({ pledge, vietqr: deps.vietqr, publicUrl: deps.publicUrl, channel, ...ctx });

  async function afterCreate(pledge: Pledge, ctx: CompleteContext): Promise<OutboundMessage[]> {
    const { t } = ctx;
    const next = [
      ...(pledge.devices
        ? [t(pledge.devices.handover === "pickup" ? "pledge-next-pickup" : "pledge-next-drop-off")]
        : []),
      ...(pledge.data ? [t("pledge-next-data")] : []),
    ];
    const text = [t("pledge-created", { code: pledge.code }), ...next].join("\n\n");
    return [{ kind: "text", text }, ...(await payment(pledge, ctx, ctx.message.channel))];
  }

  async function show(turn: Turn, args: string): Promise<void> {
    const code = readHumanCode("UH", args);
    const { channel, userId } = turn.person;
    if (code) {
      const pledge = await pledges.byCode(code);
      const mine = pledge && pledge.channel === channel && pledge.userId === userId;
      if (pledge && mine) {
        say(turn, describePledge(pledge, turn.t, turn.locale));
        if (payableVnd(pledge) > 0) turn.replies.push(...(await payment(pledge, turn, turn.message.channel)));
      } else if (pledge && hasRole(turn.person, "staff")) {
        await audit(actorOf(turn.person), "read-pledge", code);
        say(turn, describeForStaff(pledge, turn));
      } else say(turn, turn.t("pledge-not-found", { code }));
      return;
    }
    const own = await pledges.mine(channel, userId);
    if (own.length === 0) return say(turn, turn.t("pledge-none-yet"));
    const described = own.map((p) => describePledge(p, turn.t, turn.locale)).join("\n\n");
    say(turn, `${turn.t("pledge-yours")}\n\n${described}`);
  }

  async function transparency(turn: Turn): Promise<void> {
    say(turn, formatSummary(await summarize(deps.mongo), turn.t, turn.locale));
  }

  async function launch(ctx: CompleteContext, text: string): Promise<OutboundMessage[]> {
    const { t } = ctx;
    if (!hasRole(ctx.person, "staff")) return [{ kind: "text", text: t("staff-only") }];
    // The call is written in one language, so its frame is in the same one.
    const message: OutboundMessage = {
      kind: "text",
      text: `${t("campaign-header")}\n\n${text}\n\n${t("campaign-footer")}`,
    };
    const by = `${ctx.person.channel}:${ctx.person.userId}`;
    const campaign = await campaigns.launch({ idempotencyKey: ctx.idempotencyKey, text, by }, message, queue);
    return [
      { kind: "text", text: t("campaign-queued", { code: campaign.code, count: campaign.recipients }) },
    ];
  }

  async function startCampaign(turn: Turn, args: string, tools: Tools): Promise<void> {
    if (!hasRole(turn.person, "staff")) return say(turn, turn.t("staff-only"));
    const typed = wordsField(10, 2000).safeParse(args);
    await tools.dialogs.start(turn, "campaign", typed.success ? { text: typed.data } : {});
  }

  const startPledge = (turn: Turn, _args: string, tools: Tools) => tools.dialogs.start(turn, "pledge");
  const feature: Feature = {
    name: "pledges",
    forms: [pledgeForm(pledges, afterCreate), campaignForm(launch)],
    menu: [
      { value: "pledge", labelKey: "menu-pledge", run: (turn, tools) => startPledge(turn, "", tools) },
      { value: "my-pledges", labelKey: "menu-my-pledges", run: (turn) => show(turn, "") },
      { value: "transparency", labelKey: "menu-transparency", run: transparency },
    ],
    commands: {
      camket: startPledge,
      pledge: startPledge,
      ungho: show,
      mypledges: show,
      minhbach: transparency,
      transparency,
      async dunggui(turn) {
        await pledges.stopUpdates(turn.person.channel, turn.person.userId);
        say(turn, turn.t("pledge-updates-stopped"));
      },
      kemgoi: startCampaign,
      ...staff,
    },
    // "/start ungho" (a poster's link) opens the form; "/start UH-7K2M9Q" shows that pledge.
    deepLinks: { ungho: startPledge, uh: (turn, rest) => show(turn, `UH-${rest}`) },
  };

  return {
    feature,
    routes: createPledgeRoutes({ pledges, vietqr: deps.vietqr, summarize: () => summarize(deps.mongo) }),
    async start() {
      await queue.start();
      notices.start();
    },
    async stop() {
      await notices.stop();
      await queue.stop();
    },
  };
}
