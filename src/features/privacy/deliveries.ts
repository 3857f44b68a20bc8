/**
 * The delivery engine's records name the chat each message went to (src/jobs/delivery-model.ts):
 * a lesson, a call for donations or a donor notice leaves one per recipient. They are the
 * engine's, not a feature's, so "Dữ liệu của tôi" shows and erases them here. Erasing keeps the
 * record (a teacher's progress counts read them) but cuts it from the chat; one still waiting is
 * settled as failed so it never goes out to the erased chat. Each change is made under the
 * delivery's lock, like the engine's own, so a worker claiming it at that moment cannot undo it.
 */
import type { Connection, Types } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import type { ChannelName } from "../../core/messages.js";
import { deliveryModel } from "../../jobs/delivery-model.js";
import { deliveryRecord } from "../../jobs/delivery-store.js";

const ERASED = "erased";

export interface ChatRef {
  channel: ChannelName;
  chatId: string;
}

export async function countDeliveriesTo(mongo: Connection, chat: ChatRef): Promise<number> {
  return deliveryModel(mongo).countDocuments({ channel: chat.channel, chatId: chat.chatId });
}

export async function eraseDeliveriesTo(mongo: Connection, lock: RecordLock, chat: ChatRef): Promise<number> {
  const Deliveries = deliveryModel(mongo);
  const own = await Deliveries.find({ channel: chat.channel, chatId: chat.chatId }, { _id: 1 }).lean<
    Array<{ _id: Types.ObjectId }>
  >();
  for (const { _id } of own) {
    await lock(deliveryRecord(String(_id)), async () => {
      // Read again under the lock: a worker may have claimed or settled it meanwhile.
      const current = await Deliveries.findById(_id, { status: 1 }).lean<{ status: string }>();
      if (!current) return;
      // The target key holds the chat id and is unique within a broadcast: each gets its own.
      const erased = { chatId: ERASED, key: `erased:${String(_id)}` };
      const settle =
        current.status === "queued" ? { status: "failed", reason: ERASED, settledAt: new Date() } : {};
      await Deliveries.updateOne({ _id }, { $set: { ...erased, ...settle } });
    });
  }
  return own.length;
}
