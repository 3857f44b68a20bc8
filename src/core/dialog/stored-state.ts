/**
 * DialogState as kept in the session (Redis): written with a version and read back with zod.
 * A state from an older version is migrated; one that does not parse keeps what still does (its
 * form, answers, where it was), and the engine then checks that against today's form
 * (reconcile.ts). Reading never throws: a broken state must not turn every message into an apology.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DialogState } from "./form.js";

/** Bump with a migration below when the stored shape changes. */
export const DIALOG_STATE_VERSION = 1;

type Stored = Record<string, unknown>;
/** MIGRATIONS[n] turns what version n wrote into version n + 1. */
export type Migrations = Array<(old: Stored) => Stored>;

const MIGRATIONS: Migrations = [
  // 0: written before states had a version; the fields were the same.
  (old) => ({ ...old, v: 1 }),
];

export const choiceOptionSchema = z.object({
  value: z.string(),
  label: z.string(),
  synonymsKey: z.string().optional(),
});

const currentSchema = z.object({
  v: z.literal(DIALOG_STATE_VERSION),
  formId: z.string().min(1),
  instanceId: z.string().min(1),
  stepId: z.string(),
  values: z.record(z.string(), z.unknown()),
  display: z.record(z.string(), z.string()),
  history: z.array(z.string()),
  offered: z.array(choiceOptionSchema),
  picks: z.array(z.string()).optional(),
  checkedBy: z.string().optional(),
});

/**
 * What is left of a state that does not parse: each broken field falls back to empty. `checkedBy`
 * is left out, so the engine checks what remains against the form before using it.
 */
const salvageSchema = z.object({
  formId: z.string().min(1),
  // The completion claim is keyed on it; an unreadable one is a new form instance.
  instanceId: z
    .string()
    .min(1)
    .catch(() => randomUUID()),
  // "" is no step: the engine goes on from the first answer missing.
  stepId: z.string().catch(""),
  values: z.record(z.string(), z.unknown()).catch({}),
  display: z
    .record(z.string(), z.unknown())
    .catch({})
    .transform((display) => {
      const texts: Record<string, string> = {};
      for (const [key, text] of Object.entries(display)) if (typeof text === "string") texts[key] = text;
      return texts;
    }),
  history: z.array(z.string()).catch([]),
  offered: z.array(choiceOptionSchema).catch([]),
  picks: z.array(z.string()).optional().catch(undefined),
});

/** A stored state, migrated and parsed; undefined when not even its form can be read. */
export function readDialogState(raw: unknown): DialogState | undefined {
  if (!isRecord(raw)) return undefined;
  const stored = upgrade(raw, MIGRATIONS);
  const current = currentSchema.safeParse(stored);
  if (current.success) {
    const { v: _version, ...state } = current.data;
    return state;
  }
  const salvaged = salvageSchema.safeParse(stored);
  return salvaged.success ? salvaged.data : undefined;
}

export function storedDialogState(state: DialogState): Stored {
  return { v: DIALOG_STATE_VERSION, ...state };
}

/** Applies the migrations from the stored version on; no version is version 0, an unknown one is left as is. */
export function upgrade(stored: Stored, migrations: Migrations): Stored {
  let version = typeof stored.v === "number" ? stored.v : 0;
  let upgraded = stored;
  while (migrations[version]) upgraded = migrations[version++]!(upgraded);
  return upgraded;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
