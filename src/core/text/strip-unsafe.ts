/**
 * Characters that must not be stored or echoed from free text: C0 controls but tab and newline,
 * DEL, C1 controls, and the bidi embedding, override and isolate marks (plus LRM/RLM) that can
 * make a name or a code read backwards to staff ("Trojan Source"). Applied to every inbound text
 * and command by the pipeline (normalize-input.ts), so nothing a feature stores carries them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, "");
}
