/**
 * What people really type at the choice steps of the real forms, in both languages, with and
 * without diacritics, and what ChoEm picks: an option, several (a list), "ask" (which one of
 * these?) or "again" (nothing fits). Options and words come from the forms and the locales as
 * they ship, so a relabelled option or a translator's edit is checked here too.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FormDefinition } from "../../../src/core/dialog/form.js";
import { matchList, readChoice } from "../../../src/core/dialog/match-choice.js";
import { optionWords } from "../../../src/core/dialog/option-words.js";
import { createI18n, type Locale } from "../../../src/core/i18n.js";
import type { ChoiceOption } from "../../../src/core/messages.js";
import type { Person } from "../../../src/core/person.js";
import { pledgeForm } from "../../../src/features/pledges/pledge.form.js";
import { connectivityForm } from "../../../src/features/requests/connectivity.form.js";
import { deviceForm } from "../../../src/features/requests/device.form.js";

const i18n = createI18n("vi", join(import.meta.dirname, "..", "..", "..", "locales"));
// Only the steps' options are read here: the services behind `complete` are never called.
const unused = null as never;
const FORMS: Record<string, FormDefinition> = {
  device: deviceForm(unused, unused),
  connectivity: connectivityForm(unused),
  pledge: pledgeForm(unused, unused),
};

type Expected = string | string[] | "ask" | "again";
type Row = [locale: Locale, step: `${string}.${string}`, typed: string, expected: Expected];

const TABLE: Row[] = [
  // Consent: yes/no words, the labels, numbers.
  ["vi", "device.consent", "có", "agree"],
  ["vi", "device.consent", "co", "agree"],
  ["vi", "device.consent", "ok", "agree"],
  ["vi", "device.consent", "OK ạ", "agree"],
  ["vi", "device.consent", "ừ", "agree"],
  ["vi", "device.consent", "u", "agree"],
  ["vi", "device.consent", "vâng", "agree"],
  ["vi", "device.consent", "vang", "agree"],
  ["vi", "device.consent", "dạ", "agree"],
  ["vi", "device.consent", "đồng ý", "agree"],
  ["vi", "device.consent", "dong y", "agree"],
  ["vi", "device.consent", "Đồng ý ạ", "agree"],
  ["vi", "device.consent", "Tôi đồng ý", "agree"],
  ["vi", "device.consent", "toi dong y", "agree"],
  ["vi", "device.consent", "1", "agree"],
  ["vi", "device.consent", "2", "decline"],
  ["vi", "device.consent", "không", "decline"],
  ["vi", "device.consent", "khong", "decline"],
  ["vi", "device.consent", "ko", "decline"],
  ["vi", "device.consent", "Không đồng ý", "decline"],
  ["vi", "device.consent", "khong dong y", "decline"],
  ["vi", "device.consent", "tôi không đồng ý", "decline"],
  ["vi", "device.consent", "chưa đồng ý", "decline"],
  ["vi", "device.consent", "5", "again"],
  ["vi", "device.consent", "mèo", "again"],
  ["vi", "connectivity.consent", "Ok", "agree"],
  ["vi", "connectivity.consent", "dong y", "agree"],
  ["en", "device.consent", "yes", "agree"],
  ["en", "device.consent", "ok", "agree"],
  ["en", "device.consent", "I agree", "agree"],
  ["en", "device.consent", "i dont agree", "decline"],
  ["en", "device.consent", "no", "decline"],
  ["en", "device.consent", "có", "agree"],
  ["en", "device.consent", "dong y", "agree"],
  // "Nhận tin": Có and không both work, so do the other yes/no words.
  ["vi", "pledge.updates", "Có", "yes"],
  ["vi", "pledge.updates", "co", "yes"],
  ["vi", "pledge.updates", "có ạ", "yes"],
  ["vi", "pledge.updates", "ừ", "yes"],
  ["vi", "pledge.updates", "ok", "yes"],
  ["vi", "pledge.updates", "không", "no"],
  ["vi", "pledge.updates", "khong cam on", "no"],
  ["vi", "pledge.updates", "2", "no"],
  ["en", "pledge.updates", "yes", "yes"],
  ["en", "pledge.updates", "no thanks", "no"],
  ["en", "pledge.updates", "No, thank you", "no"],
  ["vi", "pledge.showName", "đồng ý", "yes"],
  ["vi", "pledge.showName", "khong cong khai", "no"],
  ["vi", "pledge.showName", "không", "no"],
  // The device a child needs: synonyms, prefixes, a label inside a short answer.
  ["vi", "device.device", "laptop", "laptop"],
  ["vi", "device.device", "Laptop", "laptop"],
  ["vi", "device.device", "con cần laptop ạ", "laptop"],
  ["vi", "device.device", "may tinh xach tay", "laptop"],
  ["vi", "device.device", "xách tay", "laptop"],
  ["vi", "device.device", "máy tính", "ask"],
  ["vi", "device.device", "máy", "ask"],
  ["vi", "device.device", "may tinh bang", "tablet"],
  ["vi", "device.device", "ipad", "tablet"],
  ["vi", "device.device", "tablet", "tablet"],
  ["vi", "device.device", "điện thoại", "phone"],
  ["vi", "device.device", "smartphone", "phone"],
  ["vi", "device.device", "gì cũng được", "any"],
  ["vi", "device.device", "4", "any"],
  ["vi", "device.device", "xe đạp", "again"],
  ["en", "device.device", "laptop", "laptop"],
  ["en", "device.device", "ipad", "tablet"],
  ["en", "device.device", "phone", "phone"],
  ["en", "device.device", "any", "any"],
  ["en", "device.device", "máy tính xách tay", "laptop"],
  // What the home has: several at once, as numbers or words.
  ["vi", "device.homeHas", "wifi", "internet"],
  ["vi", "device.homeHas", "4G", "internet"],
  ["vi", "device.homeHas", "1, 3", ["nothing", "old-computer"]],
  ["vi", "device.homeHas", "1 3", ["nothing", "old-computer"]],
  ["vi", "device.homeHas", "2,4", ["shared-phone", "internet"]],
  ["vi", "device.homeHas", "wifi, máy cũ", ["internet", "old-computer"]],
  ["vi", "device.homeHas", "1, 9", "again"],
  ["en", "device.homeHas", "wifi", "internet"],
  // Connectivity: the problem, the carrier, the place.
  ["vi", "connectivity.problem", "4g", "data-package"],
  ["vi", "connectivity.problem", "sim", "data-package"],
  ["vi", "connectivity.problem", "song yeu", "weak-signal"],
  ["vi", "connectivity.problem", "wifi", "no-internet"],
  ["vi", "connectivity.problem", "chưa có mạng", "no-internet"],
  ["vi", "connectivity.problem", "mạng", "ask"],
  ["en", "connectivity.problem", "sim card", "data-package"],
  ["vi", "connectivity.carrier", "viettel", "viettel"],
  ["vi", "connectivity.carrier", "Viettel ạ", "viettel"],
  ["vi", "connectivity.carrier", "vina", "vinaphone"],
  ["vi", "connectivity.carrier", "vnpt", "vinaphone"],
  ["vi", "connectivity.carrier", "mobi", "mobifone"],
  ["vi", "connectivity.carrier", "itel", "other"],
  ["vi", "connectivity.carrier", "5", "other"],
  ["vi", "connectivity.place", "phòng trọ", "rented-room"],
  ["vi", "connectivity.place", "tro", "rented-room"],
  ["vi", "connectivity.place", "vung sau", "remote-area"],
  ["vi", "connectivity.place", "cach ly", "lockdown"],
  ["en", "connectivity.place", "lockdown", "lockdown"],
  // Donors.
  ["vi", "pledge.deviceType", "laptop", "laptop"],
  ["vi", "pledge.deviceType", "ipad", "tablet"],
  ["vi", "pledge.items", "tiền, máy", ["money", "devices"]],
  ["vi", "pledge.items", "1, 3", ["money", "data"]],
  ["vi", "pledge.donorType", "ca nhan", "individual"],
  ["vi", "pledge.donorType", "doanh nghiệp", "organization"],
  ["vi", "pledge.donorType", "cong chuc", "civil-servant"],
  ["vi", "pledge.nameMode", "an danh", "anonymous"],
  ["vi", "pledge.nameMode", "ghi ten", "named"],
];

async function optionsOf(
  locale: Locale,
  where: string,
): Promise<{ options: ChoiceOption[]; multi: boolean }> {
  const [formId = "", stepId] = where.split(".");
  const step = FORMS[formId]?.steps.find((s) => s.id === stepId);
  if (!step || (step.input.kind !== "choice" && step.input.kind !== "multi-choice")) {
    throw new Error(`${where} is not a choice step`);
  }
  const t = i18n.translator(locale);
  const person: Person = { id: "p", channel: "zalo", userId: "u", roles: ["parent"], locale };
  const options = await step.input.options({ values: {}, t, locale, person });
  return { options, multi: step.input.kind === "multi-choice" };
}

/** What the engine reads from the answer: the list first at a multi-choice step, then one pick. */
async function pick(locale: Locale, where: string, typed: string): Promise<Expected> {
  const { options, multi } = await optionsOf(locale, where);
  const words = optionWords(i18n.translator(locale));
  const listed = multi ? matchList(typed, options, words) : undefined;
  if (listed) return listed.map((option) => option.value);
  const match = readChoice({ kind: "text", text: typed }, options, words);
  if (match.kind === "one") return match.option.value;
  return match.kind === "ambiguous" ? "ask" : "again";
}

describe("the choice matcher on the real forms", () => {
  it("has a table of at least 80 typed answers", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(80);
  });

  it.each(TABLE)("%s, at %s, reads “%s” as %j", async (locale, where, typed, expected) => {
    expect(await pick(locale, where, typed)).toEqual(expected);
  });

  it("offers the two similar options when it asks which one", async () => {
    const { options } = await optionsOf("vi", "device.device");
    const match = readChoice({ kind: "text", text: "máy tính" }, options, optionWords(i18n.translator("vi")));
    expect(match.kind === "ambiguous" && match.options.map((o) => o.value)).toEqual(["laptop", "tablet"]);
  });

  it("finds every option's synonyms in both languages", async () => {
    const missing: string[] = [];
    for (const [formId, form] of Object.entries(FORMS)) {
      for (const step of form.steps) {
        if (step.input.kind !== "choice" && step.input.kind !== "multi-choice") continue;
        if (step.id === "school") continue; // options from the directory, named by the school
        for (const locale of ["vi", "en"] as const) {
          const { options } = await optionsOf(locale, `${formId}.${step.id}`);
          for (const option of options) {
            const key = option.synonymsKey;
            if (key && i18n.t(locale, key) === key) missing.push(`${locale}:${key}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
