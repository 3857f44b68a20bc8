/**
 * Donors (nhà hảo tâm): pledging money, devices or data packages, following the gift to the
 * school it went to, and being told as it moves on (donor-notices.ts, daily-thanks.ts). Staff
 * record receipts (receipt-commands.ts), allocate, deliver and cancel with commands
 * (staff-commands.ts), or in the console's "Ủng hộ" pages (console/). Paying (VietQR, statements)
 * is ../payments/, calls for donations ../campaigns/, the public summary ../transparency/.
 */
import type { Connection } from "mongoose";
import type { VietQrConfig } from "../../config.js";
import type { CompleteContext, StepContext } from "../../core/dialog/form.js";
import type { Feature, Tools } from "../../core/feature.js";
import type { I18n } from "../../core/i18n.js";
import type { RecordLock } from "../../core/lock.js";
import type { Logger } from "../../core/logger.js";
import type { OutboundMessage } from "../../core/messages.js";
import { actorOf, hasRole } from "../../core/person.js";
import type { ChannelDirectory } from "../../core/sending/channel-registry.js";
import { formatPhone } from "../../core/text/parse-phone.js";
import { say, type Turn } from "../../core/turn.js";
import type { DeliveryEngine } from "../../jobs/delivery-engine.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { Redis } from "../../storage/redis.js";
import type { FeatureFactory } from "../context.js";
import { payableVnd, paymentMessages } from "../payments/payment.js";
import { createSchoolService } from "../schools/service.js";
import { createAudit } from "../staff/audit.js";
import { pledgesConsole } from "./console/pages.js";
import { createDailyThanks } from "./daily-thanks.js";
import { describePledge } from "./describe.js";
import { createDonorNotices } from "./donor-notices.js";
import { createPledgeLifecycle } from "./lifecycle.js";
import type { Pledge } from "./model.js";
import { pledgeForm } from "./pledge.form.js";
import { createReceiptCommands } from "./receipt-commands.js";
import { createPledgeService } from "./service.js";
import { createStaffCommands, describeForStaff } from "./staff-commands.js";

export interface PledgesDeps {
  mongo: Connection;
  redis: Redis;
  /** The app's Redis key prefix (the thanks queue lives under "<prefix>bull"). */
  prefix: string;
  lock: RecordLock;
  deliveries: DeliveryEngine;
  i18n: Pick<I18n, "translator">;
  publicUrl: string;
  vietqr: VietQrConfig | undefined;
  channels: Pick<ChannelDirectory, "capabilitiesOf">;
  logger: Logger;
  /** How often notices written by the statement import are queued. */
  noticeIntervalMs?: number;
  /** How long a pledge stays quiet before the day's thanks goes out (daily-thanks.ts). */
  thanksQuietMs?: number;
}

export const pledgesFeature: FeatureFactory = (ctx) =>
  createPledgesFeature({
    mongo: ctx.mongo,
    redis: ctx.redis,
    prefix: ctx.prefix,
    lock: ctx.lock,
    deliveries: ctx.deliveries,
    i18n: ctx.i18n,
    publicUrl: ctx.config.publicUrl,
    vietqr: ctx.config.vietqr,
    channels: ctx.channels,
    logger: ctx.logger,
  });

export function createPledgesFeature(deps: PledgesDeps): Feature {
  const pledges = createPledgeService(deps.mongo);
  const lifecycle = createPledgeLifecycle(deps.mongo, deps.lock);
  const audit = createAudit(deps.mongo);
  const notices = createDonorNotices({
    mongo: deps.mongo,
    deliveries: deps.deliveries,
    i18n: deps.i18n,
    logger: deps.logger,
    ...(deps.noticeIntervalMs ? { intervalMs: deps.noticeIntervalMs } : {}),
  });
  const staff = createStaffCommands({
    pledges,
    lifecycle,
    schools: createSchoolService(deps.mongo),
    audit,
    tellDonor: notices.tell,
  });
  const thanks = createDailyThanks({
    redis: deps.redis,
    prefix: deps.prefix,
    pledges,
    deliveries: deps.deliveries,
    i18n: deps.i18n,
    logger: deps.logger,
    ...(deps.thanksQuietMs !== undefined ? { quietMs: deps.thanksQuietMs } : {}),
  });
  const receipts = createReceiptCommands({
    pledges,
    lifecycle,
    audit,
    thanks,
    redis: deps.redis,
    prefix: deps.prefix,
  });

  const payment = (
    pledge: Pledge,
    ctx: Pick<StepContext, "t" | "locale">,
    channel: Turn["message"]["channel"],
  ) =>
    paymentMessages({
      pledge,
      vietqr: deps.vietqr,
      publicUrl: deps.publicUrl,
      capabilities: deps.channels.capabilitiesOf(channel),
      ...ctx,
    });

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

  const startPledge = (turn: Turn, _args: string, tools: Tools) => tools.dialogs.start(turn, "pledge");
  return {
    name: "pledges",
    forms: [pledgeForm(pledges, afterCreate)],
    menu: [
      { value: "pledge", labelKey: "menu-pledge", run: (turn, tools) => startPledge(turn, "", tools) },
      { value: "my-pledges", labelKey: "menu-my-pledges", run: (turn) => show(turn, "") },
    ],
    commands: {
      camket: startPledge,
      pledge: startPledge,
      ungho: show,
      mypledges: show,
      async dunggui(turn) {
        await pledges.stopUpdates(turn.person.channel, turn.person.userId);
        say(turn, turn.t("pledge-updates-stopped"));
      },
      ...staff,
      ...receipts.commands,
    },
    actions: receipts.actions,
    // "/start ungho" (a poster's link) opens the form; "/start UH-7K2M9Q" shows that pledge.
    deepLinks: { ungho: startPledge, uh: (turn, rest) => show(turn, `UH-${rest}`) },
    async describePersonalData(person, t) {
      const own = await pledges.mine(person.channel, person.userId);
      return own.map((gift) => ({
        key: "privacy-pledge",
        values: {
          code: gift.code,
          details:
            [gift.donorName, gift.phone ? formatPhone(gift.phone) : undefined, gift.devices?.address]
              .filter(Boolean)
              .join(", ") || t("privacy-no-contact"),
        },
      }));
    },
    erasePersonalData: (person) => pledges.eraseDonor(person.channel, person.userId),
    async start() {
      notices.start();
      thanks.start();
    },
    async stop() {
      await thanks.stop();
      await notices.stop();
    },
    console: pledgesConsole({ mongo: deps.mongo, pledges, lifecycle, thanks, notices, vietqr: deps.vietqr }),
  };
}
