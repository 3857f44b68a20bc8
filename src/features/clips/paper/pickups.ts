/**
 * Who collected a paper lesson: one row per lesson and family, inserted under a unique key when
 * school staff tick it and deleted when they untick it, so two clerks ticking at once make one
 * row (docs/storage-and-ferretdb.md#atomicity: the unique index decides, not an update).
 */
import { type Connection, type Model, Schema, trusted } from "mongoose";
import { modelOn } from "../../../storage/model-on.js";
import { asDuplicateKey } from "../../../storage/unique-insert.js";

export interface PaperPickup {
  /** "<clip id>:<membership id>". */
  key: string;
  clipId: string;
  memberId: string;
  at: Date;
  /** The staff member who ticked it (channel:id). */
  by: string;
}

const schema = new Schema<PaperPickup>({
  key: { type: String, required: true, unique: true },
  clipId: { type: String, required: true, index: true },
  memberId: { type: String, required: true },
  at: { type: Date, required: true },
  by: { type: String, required: true },
});

function pickupModel(connection: Connection): Model<PaperPickup> {
  return modelOn(connection, "PaperPickup", schema, "paper_pickups");
}

export function createPaperPickups(connection: Connection) {
  const Pickups = pickupModel(connection);
  const keyOf = (clipId: string, memberId: string) => `${clipId}:${memberId}`;

  return {
    /** The families (membership ids) who collected this lesson. */
    async collected(clipId: string): Promise<Set<string>> {
      const rows = await Pickups.find({ clipId }, { memberId: 1, _id: 0 }).lean<
        Array<{ memberId: string }>
      >();
      return new Set(rows.map((row) => row.memberId));
    },
    /** How many collected each of these lessons. */
    async counts(clipIds: string[]): Promise<Map<string, number>> {
      const rows = await Pickups.find({ clipId: trusted({ $in: clipIds }) }, { clipId: 1, _id: 0 }).lean<
        Array<{ clipId: string }>
      >();
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.clipId, (counts.get(row.clipId) ?? 0) + 1);
      return counts;
    },
    async tick(clipId: string, memberId: string, by: string): Promise<void> {
      try {
        await Pickups.create({ key: keyOf(clipId, memberId), clipId, memberId, at: new Date(), by });
      } catch (error) {
        // Ticked already (another clerk, a double tap): it stays ticked.
        if (!asDuplicateKey(error)) throw error;
      }
    },
    async untick(clipId: string, memberId: string): Promise<void> {
      await Pickups.deleteOne({ key: keyOf(clipId, memberId) });
    },
    /** A family leaving a class (or erasing its data) takes its ticks with it. */
    async forgetMember(memberId: string): Promise<number> {
      return (await Pickups.deleteMany({ memberId })).deletedCount;
    },
  };
}

export type PaperPickups = ReturnType<typeof createPaperPickups>;
