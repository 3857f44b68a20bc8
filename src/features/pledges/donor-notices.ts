/**
 * What donors are told when their pledge moves on (thanks for a receipt, the school it went to,
 * a cancellation), sent through the one delivery engine as topic "donor-notice": each notice is
 * a record, then a broadcast of one delivery, so it goes out exactly once even when two bot
 * instances or a retried command queue it. The statement import (no engine in that script)
 * only writes the record; the running bot's sweep queues it.
 */
import { type Connection, type Model, Schema, trusted } from "mongoose";
import type { I18n } from "../../core/i18n.js";
import type { Logger } from "../../core/logger.js";
import type { Broadcaster } from "../../jobs/broadcaster.js";
import type { DeliveryEngine } from "../../jobs/delivery-engine.js";
import { modelOn } from "../../storage/model-on.js";
import type { Pledge } from "./model.js";
import { composeNotice, type PledgeEvent } from "./notices.js";
import { createPledgeService } from "./service.js";

interface PledgeNotice {
  pledgeCode: string;
  event: PledgeEvent;
  createdAt: Date;
  /** Handed to the delivery engine; the delivery record says whether it went out. */
  queuedAt?: Date;
}

const schema = new Schema<PledgeNotice>({
  pledgeCode: { type: String, required: true },
  event: { type: Schema.Types.Mixed, required: true },
  createdAt: { type: Date, default: () => new Date() },
  queuedAt: { type: Date, index: true },
});

function noticeModel(connection: Connection): Model<PledgeNotice> {
  return modelOn(connection, "PledgeNotice", schema, "pledge_notices");
}

const broadcastIdOf = (noticeId: string) => `notice-${noticeId}`;

/** For the statement import: a thank-you the running bot will send. */
export async function queueReceiptNotice(
  connection: Connection,
  pledgeCode: string,
  event: PledgeEvent,
): Promise<void> {
  await noticeModel(connection).create({ pledgeCode, event });
}

export interface DonorNotices {
  /** Tells the donor of `pledge` about `event`, once. */
  tell(pledge: Pledge, event: PledgeEvent): Promise<void>;
  /** Queues notices written where no bot runs; returns how many. */
  sweepOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createDonorNotices(deps: {
  mongo: Connection;
  deliveries: DeliveryEngine;
  i18n: Pick<I18n, "translator">;
  logger: Logger;
  intervalMs?: number;
}): DonorNotices {
  const Notices = noticeModel(deps.mongo);
  const pledges = createPledgeService(deps.mongo);
  const broadcaster: Broadcaster = deps.deliveries.topic("donor-notice", {
    async compose(delivery) {
      const notice = await Notices.findById(delivery.refId).lean<PledgeNotice>();
      const pledge = notice && (await pledges.byCode(notice.pledgeCode));
      if (!notice || !pledge) return undefined;
      return composeNotice(pledge, notice.event, deps.i18n.translator(delivery.locale))[0];
    },
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function fanOut(noticeId: string, pledge: Pledge): Promise<void> {
    // An erased donor keeps no chat to write to.
    if (pledge.userId === "erased") return;
    await broadcaster.fanOut(broadcastIdOf(noticeId), [
      {
        key: "donor",
        kind: "donor",
        channel: pledge.channel,
        chatId: pledge.chatId,
        locale: pledge.locale === "en" ? "en" : "vi",
        context: pledge.code,
        refId: noticeId,
      },
    ]);
    await Notices.updateOne({ _id: noticeId }, { $set: { queuedAt: new Date() } });
  }

  async function sweepOnce(): Promise<number> {
    const waiting = await Notices.find({ queuedAt: trusted({ $exists: false }) })
      .sort({ createdAt: 1 })
      .limit(500)
      .lean<Array<PledgeNotice & { _id: unknown }>>();
    for (const notice of waiting) {
      const pledge = await pledges.byCode(notice.pledgeCode);
      // The delivery's unique index makes a notice queued by two sweeps one message.
      if (pledge) await fanOut(String(notice._id), pledge);
      else await Notices.updateOne({ _id: notice._id }, { $set: { queuedAt: new Date() } });
    }
    return waiting.length;
  }

  const tick = () => {
    running ??= sweepOnce()
      .catch((err) => {
        deps.logger.error({ err }, "queueing donor notices failed; will try again");
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  };

  return {
    async tell(pledge, event) {
      const created = await Notices.create({ pledgeCode: pledge.code, event });
      await fanOut(String(created._id), pledge);
    },
    sweepOnce,
    start() {
      tick();
      timer = setInterval(tick, deps.intervalMs ?? 30_000);
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
