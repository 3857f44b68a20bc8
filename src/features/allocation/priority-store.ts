/**
 * Where the priority table lives: one document (`_id: "weights"`) in `allocation_priority`,
 * written by `_id` under the Redis lock `allocation-priority` (docs/storage-and-ferretdb.md
 * #atomicity), so two staff saving at once leave one whole table, never a mix. Until anyone
 * saves, the defaults in weights.ts apply; rows added to the code later read as their default.
 */
import { type Connection, type Model, Schema } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import { modelOn } from "../../storage/model-on.js";
import { DEFAULT_WEIGHTS, type PriorityWeights } from "./weights.js";

interface PriorityDocument {
  _id: string;
  circumstances: Record<string, number>;
  home: Record<string, number>;
  perWeek: number;
  updatedBy: string;
  updatedAt: Date;
}

const schema = new Schema<PriorityDocument>(
  {
    _id: { type: String, required: true },
    circumstances: { type: Schema.Types.Mixed, default: {} },
    home: { type: Schema.Types.Mixed, default: {} },
    perWeek: { type: Number, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { minimize: false },
);

const ID = "weights";

export function priorityModel(connection: Connection): Model<PriorityDocument> {
  return modelOn(connection, "AllocationPriority", schema, "allocation_priority");
}

export interface PriorityTable {
  weights: PriorityWeights;
  updatedBy?: string;
  updatedAt?: Date;
}

export interface PriorityStore {
  read(): Promise<PriorityTable>;
  save(weights: PriorityWeights, by: string): Promise<void>;
}

export function createPriorityStore(connection: Connection, lock: RecordLock): PriorityStore {
  const Priority = priorityModel(connection);
  return {
    async read() {
      const stored = await Priority.findById(ID).lean<PriorityDocument>();
      if (!stored) return { weights: DEFAULT_WEIGHTS };
      const number = (value: unknown, fallback: number) =>
        typeof value === "number" && Number.isFinite(value) ? value : fallback;
      const pick = <K extends string>(saved: Record<string, unknown>, defaults: Record<K, number>) =>
        Object.fromEntries(
          Object.entries<number>(defaults).map(([key, value]) => [key, number(saved?.[key], value)]),
        ) as Record<K, number>;
      return {
        weights: {
          circumstances: pick(stored.circumstances ?? {}, DEFAULT_WEIGHTS.circumstances),
          home: pick(stored.home ?? {}, DEFAULT_WEIGHTS.home),
          perWeek: number(stored.perWeek, DEFAULT_WEIGHTS.perWeek),
        },
        updatedBy: stored.updatedBy,
        updatedAt: stored.updatedAt,
      };
    },
    async save(weights, by) {
      await lock("allocation-priority", () =>
        Priority.updateOne(
          { _id: ID },
          { $set: { ...weights, updatedBy: by, updatedAt: new Date() } },
          { upsert: true },
        ),
      );
    },
  };
}
