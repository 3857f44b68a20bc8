/**
 * What staff typed after `/nhan UH-XXXXXX`: an amount ("500k", "2 triệu") or a count ("3 máy",
 * "10 gói"), then an optional note. A bare small number is a count when the pledge has items,
 * so "3" on a pledge of laptops needs no unit word.
 */
import { fold } from "../../core/text/fold.js";
import type { ItemKind, Pledge } from "./model.js";
import { MIN_VND, parseMoney } from "./parse-money.js";

export interface ReceiptEntry {
  kind: ItemKind;
  quantity: number;
  note: string;
}

const DATA_WORDS = new Set(["goi", "data", "sim", "the", "package", "packages"]);
const DEVICE_WORDS = new Set([
  "may",
  "chiec",
  "cai",
  "thiet",
  "device",
  "devices",
  "laptop",
  "tablet",
  "phone",
]);

export function readReceipt(text: string, pledge: Pledge): ReceiptEntry | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  if (/^\d+$/.test(first) && Number(first) > 0) {
    const count = Number(first);
    const next = fold(words[1] ?? "");
    const named: ItemKind | undefined = DATA_WORDS.has(next)
      ? "data"
      : DEVICE_WORDS.has(next)
        ? "devices"
        : undefined;
    // Named but not pledged still goes on, so staff hear "no such item" rather than the usage.
    if (named) return { kind: named, quantity: count, note: words.slice(2).join(" ") };
    const item: ItemKind | undefined = pledge.devices ? "devices" : pledge.data ? "data" : undefined;
    if (item && (!pledge.money || count < MIN_VND)) {
      return { kind: item, quantity: count, note: words.slice(1).join(" ") };
    }
  }
  if (!pledge.money) return undefined;
  // The longest start that reads as money: "2 triệu 500 nghìn tiền mặt" → 2.500.000, "tiền mặt".
  for (let n = Math.min(5, words.length); n >= 1; n--) {
    const parsed = parseMoney(words.slice(0, n).join(" "));
    if (parsed.ok) return { kind: "money", quantity: parsed.vnd, note: words.slice(n).join(" ") };
  }
  return undefined;
}
