/**
 * Amounts of money as Vietnamese donors type them, to whole đồng: "500000", "500.000", "500k",
 * "2 triệu", "1,5tr", "1.5 triệu", "2tr5" (2,5 triệu), "1 tỷ 2", "2 triệu 500 nghìn", "2 triệu rưỡi".
 * A rejection carries a locale key saying why, so the bot can ask again kindly.
 */
export type MoneyProblem =
  | "pledge-amount-invalid"
  | "pledge-amount-zero"
  | "pledge-amount-negative"
  | "pledge-amount-too-small"
  | "pledge-amount-too-large";
export type MoneyResult = { ok: true; vnd: number } | { ok: false; reason: MoneyProblem };

/** Bank transfers below this are not worth the fees; "500" is usually a forgotten "k". */
export const MIN_VND = 1_000;
export const MAX_VND = 10_000_000_000;

const UNITS = new Map<string, number>([
  ["ty", 1e9],
  ["ti", 1e9],
  ["trieu", 1e6],
  ["tr", 1e6],
  ["nghin", 1e3],
  ["ngan", 1e3],
  ["k", 1e3],
]);
// Longest first, so "trieu" is not read as "tr" followed by "ieu".
const UNIT_WORDS = [...UNITS.keys()].sort((a, b) => b.length - a.length);
const TERM = new RegExp(`^(\\d+(?:[.,]\\d+)*)\\s*(${UNIT_WORDS.join("|")})?(?![a-z])\\s*`);

export function parseMoney(input: string): MoneyResult {
  let text = input
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  text = text.replace(/\s*(vnd|dong|d)\.?$/, "").trim();
  let negative = false;
  const sign = text.match(/^(-|\+|am )\s*/);
  if (sign) {
    negative = sign[1] !== "+";
    text = text.slice(sign[0].length);
  }
  const total = readTerms(text);
  if (total === undefined || !Number.isSafeInteger(total)) {
    return {
      ok: false,
      reason: total === Number.POSITIVE_INFINITY ? "pledge-amount-too-large" : "pledge-amount-invalid",
    };
  }
  if (total === 0) return { ok: false, reason: "pledge-amount-zero" };
  if (negative) return { ok: false, reason: "pledge-amount-negative" };
  if (total < MIN_VND) return { ok: false, reason: "pledge-amount-too-small" };
  if (total > MAX_VND) return { ok: false, reason: "pledge-amount-too-large" };
  return { ok: true, vnd: total };
}

/** Sums "2 triệu 500 nghìn"; a bare number after a unit is its decimal part ("2tr5" = 2,5 triệu). */
function readTerms(text: string): number | undefined {
  if (text === "") return undefined;
  let rest = text;
  let total = 0;
  let lastUnit = Number.POSITIVE_INFINITY;
  let terms = 0;
  while (rest !== "") {
    if (/^(ruoi|rui)$/.test(rest) && Number.isFinite(lastUnit)) return total + lastUnit / 2;
    const match = rest.match(TERM);
    if (!match) return undefined;
    const number = readNumber(match[1]!);
    if (!number) return undefined;
    rest = rest.slice(match[0].length);
    const unit = match[2] ? UNITS.get(match[2])! : undefined;
    if (unit === undefined) {
      // A bare number stands alone, or ends the amount as the fraction of the unit before it.
      if (rest !== "") return undefined;
      if (terms === 0) return wholeOf(number, 1);
      // Only after triệu or tỷ: "500k 3" is more likely an amount followed by something else.
      if (number.frac !== "" || !Number.isFinite(lastUnit) || lastUnit < 1e6) return undefined;
      const fraction = wholeOf({ int: "0", frac: number.int }, lastUnit);
      return fraction === undefined ? undefined : total + fraction;
    }
    if (unit >= lastUnit) return undefined;
    const value = wholeOf(number, unit);
    if (value === undefined) return undefined;
    total += value;
    lastUnit = unit;
    terms++;
  }
  return total;
}

interface Decimal {
  int: string;
  frac: string;
}

/** "500.000" and "1,500,000" are groups of thousands; "1,5" and "1.5" are decimals. */
function readNumber(token: string): Decimal | undefined {
  if (/^\d+$/.test(token)) return { int: token, frac: "" };
  if (/^\d{1,3}(\.\d{3})+$/.test(token) || /^\d{1,3}(,\d{3})+$/.test(token)) {
    return { int: token.replace(/[.,]/g, ""), frac: "" };
  }
  const decimal = token.match(/^(\d+)[.,](\d+)$/);
  return decimal ? { int: decimal[1]!, frac: decimal[2]! } : undefined;
}

/** The value in đồng, if whole; infinity past any sane amount, so it reads "too large". */
function wholeOf(number: Decimal, unit: number): number | undefined {
  if (number.int.replace(/^0+/, "").length > 15) return Number.POSITIVE_INFINITY;
  const frac = number.frac.slice(0, 9);
  if (number.frac.length > 9 && /[1-9]/.test(number.frac.slice(9))) return undefined;
  const value = Number(number.int) * unit + (frac === "" ? 0 : (Number(frac) * unit) / 10 ** frac.length);
  return Number.isInteger(value) ? value : undefined;
}

/** 1500000 → "1.500.000 đ" in Vietnamese, "1,500,000 VND" in English. */
export function formatVnd(amount: number, locale: string): string {
  const digits = String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, locale === "en" ? "," : ".");
  return locale === "en" ? `${digits} VND` : `${digits} đ`;
}
