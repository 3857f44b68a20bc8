/**
 * Thank-you notices for receipts recorded where no chat runs (the statement import script):
 * the script leaves a notice in MongoDB, and the running bot sends it. A notice is claimed
 * before it is sent, so two bot instances never thank a donor twice for one transfer.
 */
import { type Connection, type Model, Schema, trusted } from "mongoose";
import type { Logger } from "../../core/logger.js";
import type { Notify } from "../../core/notifier.js";
import { modelOn } from "../../storage/model-on.js";
import type { ItemKind } from "../pledges/model.js";
import { tellDonor } from "../pledges/notices.js";
import { createPledgeService } from "../pledges/service.js";

interface PledgeNotice {
  pledgeCode: string;
  item: ItemKind;
  quantity: number;
  createdAt: Date;
  sentAt?: Date;
}

const schema = new Schema<PledgeNotice>({
  pledgeCode: { type: String, required: true },
  item: { type: String, required: true },
  quantity: { type: Number, required: true },
  createdAt: { type: Date, default: () => new Date() },
  sentAt: { type: Date, index: true },
});

function noticeModel(connection: Connection): Model<PledgeNotice> {
  return modelOn(connection, "PledgeNotice", schema, "pledge_notices");
}

export async function queueReceiptNotice(
  connection: Connection,
  pledgeCode: string,
  item: ItemKind,
  quantity: number,
): Promise<void> {
  await noticeModel(connection).create({ pledgeCode, item, quantity });
}

export function createNoticeSweeper(deps: {
  mongo: Connection;
  notify: Notify;
  logger: Logger;
  intervalMs?: number;
}) {
  const Notices = noticeModel(deps.mongo);
  const pledges = createPledgeService(deps.mongo);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function sweepOnce(): Promise<number> {
    let sent = 0;
    for (;;) {
      const notice = await Notices.findOneAndUpdate(
        { sentAt: trusted({ $exists: false }) },
        { $set: { sentAt: new Date() } },
        { sort: { createdAt: 1 }, returnDocument: "after" },
      ).lean<PledgeNotice>();
      if (!notice) return sent;
      const pledge = await pledges.byCode(notice.pledgeCode);
      if (!pledge) continue;
      await tellDonor(deps.notify, pledge, {
        kind: "received",
        item: notice.item,
        quantity: notice.quantity,
      });
      sent++;
    }
  }

  const tick = () => {
    running ??= sweepOnce()
      .catch((err) => {
        deps.logger.error({ err }, "sending receipt notices failed; will try again");
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  };

  return {
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
