/**
 * What a staff member typed as an area, read against the directory's folded ward and district
 * names. People say "Phú Lợi" for "Phường Phú Lợi", so a name without its unit word matches when
 * exactly one place has it; two places of that name ("Phường An Phú", "Xã An Phú") are asked
 * about. A bare number ("5") is never taken for "Phường 5": numbered wards repeat across the
 * old districts, so they are typed whole.
 */
import { fold } from "../../core/text/fold.js";

/** Unit words of Vietnam's local government, folded, longest first so "thi xa" wins over "xa". */
const UNIT_WORDS = ["thanh pho", "thi tran", "thi xa", "phuong", "huyen", "quan", "xa"];

export type AreaReading =
  | { kind: "found"; area: string }
  | { kind: "unknown"; typed: string }
  | { kind: "ambiguous"; typed: string; options: string[] };

/** The name without its unit word ("phuong phu loi" → "phu loi"), or undefined when it has none. */
function bareName(folded: string): string | undefined {
  const unit = UNIT_WORDS.find((word) => folded.startsWith(`${word} `));
  const rest = unit ? folded.slice(unit.length + 1).trim() : undefined;
  return rest && /[a-z]/.test(rest) ? rest : undefined;
}

export function readAreaName(typed: string, known: readonly string[]): AreaReading {
  const folded = fold(typed);
  if (known.includes(folded)) return { kind: "found", area: folded };
  const options = known.filter((area) => bareName(area) === folded);
  if (options.length === 1) return { kind: "found", area: options[0] as string };
  if (options.length > 1) return { kind: "ambiguous", typed: typed.trim(), options };
  return { kind: "unknown", typed: typed.trim() };
}
