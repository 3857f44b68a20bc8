/**
 * Writes guarded by a unique index: the index is the source of truth (two confirms at the
 * same moment make one record), and a clash is a value the caller handles, not a crash.
 */
import type { Model } from "mongoose";

export interface DuplicateKey {
  kind: "duplicate-key";
  /** The indexed fields that clashed, when the server says (FerretDB's message is terser). */
  fields: string[];
}

export type InsertResult<T> = { ok: true; value: T } | { ok: false; error: DuplicateKey };

export function asDuplicateKey(error: unknown): DuplicateKey | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (code !== 11000 && code !== 11001) return undefined;
  const keyValue = (error as { keyValue?: Record<string, unknown> }).keyValue;
  const keyPattern = (error as { keyPattern?: Record<string, unknown> }).keyPattern;
  return { kind: "duplicate-key", fields: Object.keys(keyValue ?? keyPattern ?? {}) };
}

export async function insertUnique<T>(model: Model<T>, doc: Partial<T>): Promise<InsertResult<T>> {
  try {
    const created = await model.create(doc);
    return { ok: true, value: created.toObject() as T };
  } catch (error) {
    const duplicate = asDuplicateKey(error);
    if (duplicate) return { ok: false, error: duplicate };
    throw error;
  }
}
