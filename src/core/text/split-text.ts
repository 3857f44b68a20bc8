/**
 * Splits a long text into parts of at most `max` UTF-16 units, preferring paragraph, line, then
 * word boundaries, and never cutting a surrogate pair (an emoji) in half.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = lastBreak(rest, max);
    if (cut <= 0) {
      cut = max;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

function lastBreak(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator);
    // Accept a break only if it keeps parts reasonably full.
    if (at > max / 2) return at;
  }
  return -1;
}
