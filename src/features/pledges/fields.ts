/** Answers specific to pledges: an amount of money and counts. Messages are locale keys. */
import { z } from "zod";
import { parseMoney } from "./parse-money.js";

/** Whole đồng, with the reason when the text is not an amount a donor could mean. */
export const moneyField = z.string().transform((text, ctx) => {
  const parsed = parseMoney(text);
  if (parsed.ok) return parsed.vnd;
  ctx.addIssue({ code: "custom", message: parsed.reason });
  return z.NEVER;
});

/** "5", "5 máy", "5 gói" → 5, between min and max; anything else is explained by `reason`. */
export function countField(min: number, max: number, reason: string) {
  return z.string().transform((text, ctx) => {
    const numbers = text.replace(/(\d)[.,](\d{3})\b/g, "$1$2").match(/\d+/g);
    const count = numbers?.length === 1 ? Number(numbers[0]) : Number.NaN;
    if (Number.isInteger(count) && count >= min && count <= max) return count;
    ctx.addIssue({ code: "custom", message: reason });
    return z.NEVER;
  });
}
