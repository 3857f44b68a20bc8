/**
 * Codes people read aloud and type on a phone: a prefix and six characters without look-alikes
 * (no 0/O, 1/I/L, 5/S, 2/Z). 27^6 ≈ 387 million; a unique index catches the rare clash.
 */
import { randomInt } from "node:crypto";

const ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY";

export function humanCode(prefix: string): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${code}`;
}

/** What a person typed ("yc 7k2m9q", "YC7K2M9Q") in canonical form, if it could be a code. */
export function readHumanCode(prefix: string, typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (!compact.startsWith(prefix) || compact.length !== prefix.length + 6) return undefined;
  const body = compact.slice(prefix.length);
  return [...body].every((c) => ALPHABET.includes(c)) ? `${prefix}-${body}` : undefined;
}
