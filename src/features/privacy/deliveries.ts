/**
 * The delivery engine's records name the chat each message went to (src/jobs/delivery-model.ts):
 * a lesson, a call for donations or a donor notice leaves one per recipient. They are the
 * engine's, not a feature's, so "Dữ liệu của tôi" shows and erases them here. Erasing keeps the
 * record (a teacher's progress counts read them) but cuts it from the chat; one still waiting is
 * settled as failed so it never goes out to the erased chat.
 */
import type { Connection, Types } from "mongoose";
import type { ChannelName } from "../../core/messages.js";
import { deliveryModel } from "../../jobs/delivery-model.js";

const ERASED = "erased";

export interface ChatRef {
  channel: ChannelName;
  chatId: string;
}

export async function countDeliveriesTo(mongo: Connection, chat: ChatRef): Promise<number> {
  return deliveryModel(mongo).countDocuments({ channel: chat.channel, chatId: chat.chatId });
}

export async function eraseDeliveriesTo(mongo: Connection, chat: ChatRef): Promise<number> {
  const Deliveries = deliveryModel(mongo);
  const own = await Deliveries.find(
    { channel: chat.channel, chatId: chat.chatId },
    { _id: 1, status: 1 },
  ).lean<Array<{ _id: Types.ObjectId; status: string }>>();
  for (const delivery of own) {
    // The target key holds the chat id and is unique within a broadcast: each gets its own.
    const erased = { chatId: ERASED, key: `erased:${String(delivery._id)}` };
    const settle =
      delivery.status === "queued" ? { status: "failed", reason: ERASED, settledAt: new Date() } : {};
    await Deliveries.updateOne({ _id: delivery._id }, { $set: { ...erased, ...settle } });
  }
  return own.length;
}
