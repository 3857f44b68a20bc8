/**
 * Conversation state of one chat, in Redis with a TTL: a person can leave a form half done
 * and come back days later, even after the bot restarted, or after a deploy. It is stored with
 * a version and read back with zod: an older shape is migrated, and a field that no longer fits
 * is left out (locale and menu are kept when they are valid); loading never throws.
 */
import type { Redis } from "ioredis";
import { z } from "zod";
import type { DialogState } from "./dialog/form.js";
import {
  choiceOptionSchema,
  isRecord,
  type Migrations,
  readDialogState,
  storedDialogState,
  upgrade,
} from "./dialog/stored-state.js";
import { isLocale, LOCALES, type Locale } from "./i18n.js";
import type { ChoiceOption } from "./messages.js";

export interface Session {
  locale?: Locale;
  dialog?: DialogState;
  /** The last menu offered outside a form, so a typed "2" or label picks from it. */
  menu?: ChoiceOption[];
  /** A form in progress could not be read back: the router tells the person once, then clears this. */
  dialogLost?: boolean;
}

/** Bump with a migration below when the stored shape changes. */
export const SESSION_VERSION = 1;

const MIGRATIONS: Migrations = [
  // 0: written before sessions had a version; the fields were the same.
  (old) => ({ ...old, v: 1 }),
];

/**
 * The current shape. Each field that does not parse is dropped on its own, so a bad menu does
 * not cost the person their language. A version this code does not know is read the same way.
 */
const sessionSchema = z.object({
  locale: z.enum(LOCALES).optional().catch(undefined),
  menu: z.array(choiceOptionSchema).optional().catch(undefined),
  dialog: z.unknown().optional(),
  dialogLost: z.literal(true).optional().catch(undefined),
});

const TTL_SECONDS = 14 * 24 * 60 * 60;

export interface SessionStore {
  load(chatKey: string): Promise<Session>;
  save(chatKey: string, session: Session): Promise<void>;
  /**
   * The Redis key of a chat's session and what its value means, for the pipeline, which reads
   * it in the round trip that takes the chat lock (inbound-gate.ts).
   */
  keyOf(chatKey: string): string;
  parse(raw: string | null): Session;
}

/** Where a chat's session lives; erasure deletes it by this name too (forget-chat.ts). */
export const sessionKey = (prefix: string, chatKey: string) => `${prefix}session:${chatKey}`;

export function createRedisSessionStore(redis: Redis, prefix: string): SessionStore {
  const parse = (raw: string | null): Session => (raw === null ? {} : readSession(raw));
  return {
    keyOf: (chatKey) => sessionKey(prefix, chatKey),
    parse,
    async load(chatKey) {
      return parse(await redis.get(sessionKey(prefix, chatKey)));
    },
    async save(chatKey, session) {
      const stored = {
        v: SESSION_VERSION,
        ...session,
        dialog: session.dialog && storedDialogState(session.dialog),
      };
      await redis.set(sessionKey(prefix, chatKey), JSON.stringify(stored), "EX", TTL_SECONDS);
    },
  };
}

/** A stored session, migrated and reduced to what still fits. */
export function readSession(raw: string): Session {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // Nothing can be read, and there may have been a form in progress: the person is told.
    return { dialogLost: true };
  }
  if (!isRecord(json)) return { dialogLost: true };
  const plain = plainSession(json);
  if (plain) return plain;
  // Every field falls back on its own, so this parse does not fail; if it did, nothing is kept.
  const parsed = sessionSchema.safeParse(upgrade(json, MIGRATIONS));
  if (!parsed.success) return { dialogLost: true };
  const { dialog: rawDialog, ...fields } = parsed.data;
  const session: Session = {};
  if (fields.locale) session.locale = fields.locale;
  if (fields.menu) session.menu = fields.menu;
  const dialog = rawDialog === undefined ? undefined : readDialogState(rawDialog);
  if (dialog) session.dialog = dialog;
  else if (rawDialog !== undefined || fields.dialogLost) session.dialogLost = true;
  return session;
}

/**
 * The common case read without zod, every message pays it: a current session with no form in
 * progress and fields that are all well formed. The same result as the schema's; anything else
 * (an older version, a form, a field out of shape) is undefined and goes through the schema.
 */
function plainSession(json: Record<string, unknown>): Session | undefined {
  if (json.v !== SESSION_VERSION || json.dialog !== undefined || json.dialogLost !== undefined)
    return undefined;
  const session: Session = {};
  const { locale, menu } = json;
  if (locale !== undefined) {
    if (!isLocale(locale)) return undefined;
    session.locale = locale;
  }
  if (menu !== undefined) {
    if (!Array.isArray(menu)) return undefined;
    const options: ChoiceOption[] = [];
    for (const option of menu) {
      if (!isRecord(option) || typeof option.value !== "string" || typeof option.label !== "string")
        return undefined;
      options.push({ value: option.value, label: option.label });
    }
    session.menu = options;
  }
  return session;
}
