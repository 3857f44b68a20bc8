/**
 * Name search that ignores diacritics and case, and stays an index lookup at province scale
 * (docs/storage-and-ferretdb.md#queries-at-province-scale). A request stores, folded, every
 * prefix (2 to 10 letters) of every word of the child's name: "Nguyễn Văn An" gives "ng", "ngu",
 * …, "nguyen", "va", "van", "an". A typed word is then an equality on one array element, which
 * an index walks already sorted by date, so a page costs 50 reads even for "nguyen", the family
 * name of a third of the province. A prefix regex would be a range, and a range before the sort
 * key makes MongoDB sort every match in memory.
 */
import { fold } from "../../../core/text/fold.js";

export const MIN_KEY = 2;
/** Vietnamese syllables have at most 7 letters; longer typed words are cut to match. */
export const MAX_KEY = 10;

function words(text: string): string[] {
  return fold(text).split(" ").filter(Boolean);
}

/** What a request stores for its child's name; empty when there is no name. */
export function searchKeysOf(name: string | undefined): string[] {
  const keys = new Set<string>();
  for (const word of words(name ?? "")) {
    const letters = [...word];
    if (letters.length < MIN_KEY) keys.add(word);
    for (let length = MIN_KEY; length <= Math.min(letters.length, MAX_KEY); length++)
      keys.add(letters.slice(0, length).join(""));
  }
  return [...keys];
}

/**
 * What a typed search asks for: every word must start one of the name's words. Last word first:
 * a Vietnamese name ends with the given name, which narrows most ("nguyen van an": "an" before
 * "nguyen", shared by a third of the province), and the first key is the one FerretDB can hand
 * to PostgreSQL. One-letter words are dropped: they would match nearly all.
 */
export function searchKeysFor(typed: string): string[] {
  const keys = words(typed)
    .filter((word) => [...word].length >= MIN_KEY)
    .map((word) => [...word].slice(0, MAX_KEY).join(""));
  return [...new Set(keys.reverse())];
}
