/** Answers specific to pledges: an amount of money. Messages are locale keys. */
import { z } from "zod";
import { parseMoney } from "./parse-money.js";

/** Whole đồng, with the reason when the text is not an amount a donor could mean. */
export const moneyField = z.string().transform((text, ctx) => {
  const parsed = parseMoney(text);
  if (parsed.ok) return parsed.vnd;
  ctx.addIssue({ code: "custom", message: parsed.reason });
  return z.NEVER;
});
