/** Every inbound text: NFC (Vietnamese keyboards send both forms), trimmed, spaces collapsed, capped. */
export const MAX_INPUT_LENGTH = 4000;

export function normalizeInput(text: string, maxLength = MAX_INPUT_LENGTH): string {
  const normalized = text
    .normalize("NFC")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
  return normalized.length > maxLength ? normalized.slice(0, maxLength) : normalized;
}
