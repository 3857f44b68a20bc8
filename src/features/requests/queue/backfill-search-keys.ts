/**
 * Requests filed before name search existed have no `searchKeys`. At start-up this fills them
 * in, by `_id`, in batches. Finding them is an index lookup (a missing field is indexed as null
 * in queue_name), so once done it costs one small query per start. Erased requests have no name
 * and are skipped by the `childName` condition.
 */
import { type Connection, trusted } from "mongoose";
import { requestModel } from "../model.js";
import { searchKeysOf } from "./search-keys.js";

export async function backfillSearchKeys(connection: Connection, batch = 500): Promise<number> {
  const Requests = requestModel(connection);
  let filled = 0;
  const seen = new Set<string>();
  for (;;) {
    const missing = await Requests.find({ searchKeys: null, childName: trusted({ $exists: true }) })
      .select({ childName: 1 })
      .limit(batch)
      .lean<Array<{ _id: unknown; childName?: string }>>();
    // A document that comes back after its update would loop for ever: stop instead.
    if (missing.length === 0 || missing.some((doc) => seen.has(String(doc._id)))) return filled;
    for (const doc of missing) seen.add(String(doc._id));
    await Requests.bulkWrite(
      missing.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: { $set: { searchKeys: searchKeysOf(doc.childName) } },
        },
      })),
    );
    filled += missing.length;
  }
}
