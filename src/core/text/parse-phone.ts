/**
 * Vietnamese mobile numbers as people type them ("0912 345 678", "0912.345.678",
 * "+84912345678", "84912345678") to E.164, or the reason (a locale key) they are not one.
 * Mobile numbers have ten digits after the leading 0 since the 2018 renumbering; 02x are landlines.
 */
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
  const compact = input.normalize("NFKC").replace(/[\s.\-()]/g, "");
  if (compact === "") return { ok: false, reason: "phone-empty" };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: "phone-not-digits" };
  let national: string;
  if (compact.startsWith("+84")) national = compact.slice(3);
  else if (compact.startsWith("+")) return { ok: false, reason: "phone-foreign" };
  else if (compact.startsWith("84") && compact.length === 11) national = compact.slice(2);
  else if (compact.startsWith("0")) national = compact.slice(1);
  else return { ok: false, reason: "phone-wrong-length" };
  national = national.replace(/^0/, "");
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
