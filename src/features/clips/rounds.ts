/**
 * A clip goes out in rounds: the first push, then each re-send. Every round ends in one report
 * to the teacher. Both steps are read, checked and written under the clip's Redis lease
 * (core/lock.ts), so two workers finishing at once send one report and two taps on "re-send"
 * start two rounds in order, on every store (docs/storage-and-ferretdb.md#atomicity).
 */
import { type Connection, isValidObjectId } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import { type Clip, type ClipInfo, clipModel } from "./model.js";

export function createClipRounds(connection: Connection, lock: RecordLock) {
  const Clips = clipModel(connection);
  const read = async (id: string) =>
    isValidObjectId(id) ? await Clips.findById(id).lean<Clip & { _id: unknown }>() : null;

  return {
    /** Claims the final report of the clip's current round; null when it was already sent. */
    claimReport: (id: string): Promise<ClipInfo | null> =>
      lock(`clip:${id}`, async () => {
        const clip = await read(id);
        if (!clip || clip.reportedRound === clip.round) return null;
        await Clips.updateOne({ _id: clip._id }, { $set: { reportedRound: clip.round } });
        return { ...clip, reportedRound: clip.round, id: String(clip._id) };
      }),

    /** A re-send starts a new round, which gets its own final report. */
    nextRound: (id: string): Promise<void> =>
      lock(`clip:${id}`, async () => {
        const clip = await read(id);
        if (clip) await Clips.updateOne({ _id: clip._id }, { $set: { round: clip.round + 1 } });
      }),
  };
}
