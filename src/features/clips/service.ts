/**
 * Clips: created once per confirmed push (the form's idempotency key is unique), found by code
 * for progress and re-sends, and listed by class for parents catching up. Rounds and their
 * reports are rounds.ts.
 */
import { type Connection, isValidObjectId, trusted } from "mongoose";
import { humanCode } from "../../storage/human-code.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type Clip, type ClipInfo, clipModel } from "./model.js";

export type NewClip = Omit<Clip, "code" | "createdAt" | "round" | "reportedRound">;

const CODE_ATTEMPTS = 5;
const DAY_MS = 24 * 3600 * 1000;

export function createClipService(connection: Connection) {
  const Clips = clipModel(connection);
  const withId = (doc: (Clip & { _id: unknown }) | null): ClipInfo | null =>
    doc ? { ...doc, id: String(doc._id) } : null;

  async function create(input: NewClip): Promise<ClipInfo> {
    for (let attempt = 1; ; attempt++) {
      try {
        return withId((await Clips.create({ ...input, code: humanCode("BG"), round: 0 })).toObject())!;
      } catch (error) {
        if (!asDuplicateKey(error)) throw error;
        // The same confirm again returns the clip it made; otherwise two random codes clashed.
        const again = withId(
          await Clips.findOne({ idempotencyKey: input.idempotencyKey }).lean<Clip & { _id: unknown }>(),
        );
        if (again) return again;
        if (attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  const byId = async (id: string) =>
    isValidObjectId(id) ? withId(await Clips.findById(id).lean<Clip & { _id: unknown }>()) : null;
  const byCode = async (code: string) =>
    withId(await Clips.findOne({ code }).lean<Clip & { _id: unknown }>());

  /** The classes' clips of the last `days` days, oldest first so the newest arrives last. */
  async function recent(classIds: string[], days: number, limit: number): Promise<ClipInfo[]> {
    if (classIds.length === 0) return [];
    const since = new Date(Date.now() - days * DAY_MS);
    const docs = await Clips.find({
      classIds: trusted({ $in: classIds }),
      createdAt: trusted({ $gte: since }),
    })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<Array<Clip & { _id: unknown }>>();
    return docs.map((doc) => withId(doc)!).reverse();
  }

  async function countRecent(classIds: string[], days: number): Promise<number> {
    if (classIds.length === 0) return 0;
    const since = new Date(Date.now() - days * DAY_MS);
    return Clips.countDocuments({
      classIds: trusted({ $in: classIds }),
      createdAt: trusted({ $gte: since }),
    });
  }

  return { create, byId, byCode, recent, countRecent };
}

export type ClipService = ReturnType<typeof createClipService>;
