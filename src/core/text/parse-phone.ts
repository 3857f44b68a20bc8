/**
 * Vietnamese mobile numbers as people type them ("0912 345 678", "0912.345.678",
 * "+84912345678", "84912345678") to E.164, or the reason (a locale key) they are not one.
 * Mobile numbers have ten digits after the leading 0 since the 2018 renumbering; 02x are landlines.
 * Accepted: 0 + nine digits, +84 + nine digits (also written "+84 (0)9…"), 84 + nine digits, with
 * spaces, dots, dashes or brackets between; fullwidth digits count as digits. Nothing else:
 * "00912 345 678" is an international prefix or a typo, not this number.
 */
import { asciiDigits } from "./ascii-digits.js";

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: PhoneProblem };
export type PhoneProblem =
  | "phone-empty"
  | "phone-not-digits"
  | "phone-foreign"
  | "phone-landline"
  | "phone-wrong-length"
  | "phone-unknown-network";

const MOBILE_PREFIXES = /^(3[2-9]|5[25689]|7[06789]|8[1-9]|9\d)/;

export function parsePhone(input: string): PhoneResult {
  const compact = asciiDigits(input).replace(/[\s.\-()]/g, "");
  if (compact === "") return { ok: false, reason: "phone-empty" };
  if (!/^\+?[0-9]+$/.test(compact)) return { ok: false, reason: "phone-not-digits" };
  let national: string;
  // "+84 (0)912…": the trunk 0 people keep after the country code.
  if (compact.startsWith("+84")) national = compact.slice(3).replace(/^0/, "");
  else if (compact.startsWith("+")) return { ok: false, reason: "phone-foreign" };
  else if (compact.startsWith("84") && compact.length === 11) national = compact.slice(2);
  else if (compact.startsWith("0")) national = compact.slice(1);
  else return { ok: false, reason: "phone-wrong-length" };
  if (national.startsWith("0")) return { ok: false, reason: "phone-wrong-length" };
  if (national.startsWith("2")) return { ok: false, reason: "phone-landline" };
  if (national.length !== 9) return { ok: false, reason: "phone-wrong-length" };
  if (!MOBILE_PREFIXES.test(national)) return { ok: false, reason: "phone-unknown-network" };
  return { ok: true, e164: `+84${national}` };
}

/** +84912345678 → 0912 345 678, as Vietnamese people write it. */
export function formatPhone(e164: string): string {
  const national = `0${e164.replace(/^\+84/, "")}`;
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
}
