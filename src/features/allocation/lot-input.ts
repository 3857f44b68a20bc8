/**
 * The "new lot" form as staff typed it, read into a draft or into the first thing that is
 * wrong (a locale key under "allocation-lot-bad-…" and its values), so the page re-shows the
 * form with everything typed and a message saying exactly what to fix. What can only be
 * checked against the pledges (how much arrived, how much is already in lots) is lots.ts's job.
 */
import { asciiDigits } from "../../core/text/ascii-digits.js";
import { fold } from "../../core/text/fold.js";
import { stripUnsafe } from "../../core/text/strip-unsafe.js";
import { readHumanCode } from "../../storage/human-code.js";
import { DATA_CARRIERS, DEVICE_TYPES } from "../pledges/model.js";
import { parseMoney } from "../pledges/parse-money.js";
import { readAreaName } from "../staff/area-names.js";
import { LOT_SOURCES, type LotKind, type LotSource, type PaidBy } from "./model.js";

export const LOT_FIELDS = [
  "source",
  "kind",
  "pledgeCode",
  "deviceType",
  "carrier",
  "months",
  "count",
  "costVnd",
  "paidBy",
  "giverName",
  "areas",
  "keptAt",
  "note",
] as const;
export type LotForm = Record<(typeof LOT_FIELDS)[number], string>;

export const MAX_LOT_COUNT = 100_000;

interface Common {
  count: number;
  areas: string[];
  keptAt: string;
  note?: string;
}
export type LotDraft =
  | (Common & { source: "pledge"; kind: LotKind; pledgeCode: string })
  | (Common & { source: "purchase"; kind: "devices"; deviceType: string; costVnd: number; paidBy: PaidBy[] })
  | (Common & {
      source: "other";
      kind: LotKind;
      giverName: string;
      deviceType?: string;
      carrier?: string;
      months?: number;
    });

export type LotProblem = { key: string; args?: Record<string, string | number> };
export type ReadLot = { ok: true; draft: LotDraft } | { ok: false; problem: LotProblem };

/** What was posted, as strings, each cut to a sane length and stripped of control characters. */
export function lotFormOf(body: unknown): LotForm {
  const posted = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const form = {} as LotForm;
  for (const field of LOT_FIELDS) {
    const value = posted[field];
    form[field] = stripUnsafe(String(Array.isArray(value) ? (value[0] ?? "") : (value ?? "")))
      .trim()
      .slice(0, field === "paidBy" || field === "note" ? 1000 : 200);
  }
  return form;
}

const bad = (key: string, args?: Record<string, string | number>): ReadLot => ({
  ok: false,
  problem: { key: `allocation-lot-bad-${key}`, ...(args ? { args } : {}) },
});

const wholeNumber = (text: string, max: number): number | undefined => {
  const digits = asciiDigits(text).replace(/[.,\s]/g, "");
  if (!/^\d{1,9}$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= 1 && n <= max ? n : undefined;
};

/** "UH-7K2M9Q 5.000.000" per line (or separated by ";"): which money pledge paid how much. */
export function readPaidBy(text: string): PaidBy[] | { line: string } {
  const paid = new Map<string, number>();
  for (const raw of text.split(/[\n;]+/)) {
    const line = raw.trim();
    if (!line) continue;
    const [first = "", ...rest] = line.split(/[\s:=]+/);
    const code = readHumanCode("UH", first);
    const money = parseMoney(rest.join(" "));
    if (!code || !money.ok) return { line };
    paid.set(code, (paid.get(code) ?? 0) + money.vnd);
  }
  return [...paid].map(([pledgeCode, vnd]) => ({ pledgeCode, vnd }));
}

/**
 * Reads the form. `knownAreas` are the folded wards and districts of the school directory,
 * matched as staff appointments match them ("Phú Lợi" for "Phường Phú Lợi" when only one has
 * that name: src/features/staff/area-names.ts);
 * `needsArea` (area staff) asks for at least one. Whether the areas lie inside the staff
 * member's own is the page's check (lot-scope.ts), since it needs the directory.
 */
export function readLotForm(form: LotForm, knownAreas: readonly string[], needsArea = false): ReadLot {
  const source = LOT_SOURCES.find((s) => s === form.source) as LotSource | undefined;
  if (!source) return bad("source");
  const kind = form.kind === "data" ? "data" : form.kind === "devices" ? "devices" : undefined;
  if (!kind || (source === "purchase" && kind !== "devices")) return bad("kind");
  const count = wholeNumber(form.count, MAX_LOT_COUNT);
  if (count === undefined) return bad("count", { max: MAX_LOT_COUNT });
  const areas: string[] = [];
  for (const typed of form.areas.split(/[,;\n]+/).filter((name) => fold(name))) {
    const read = readAreaName(typed, knownAreas);
    if (read.kind === "unknown") return bad("area", { area: read.typed });
    if (read.kind === "ambiguous")
      return bad("area-ambiguous", { area: read.typed, options: read.options.join("; ") });
    if (!areas.includes(read.area)) areas.push(read.area);
  }
  if (needsArea && areas.length === 0) return bad("area-needed");
  if (form.keptAt.length < 3) return bad("kept-at");
  const common: Common = { count, areas, keptAt: form.keptAt, ...(form.note ? { note: form.note } : {}) };

  if (source === "pledge") {
    const pledgeCode = readHumanCode("UH", form.pledgeCode);
    if (!pledgeCode) return bad("pledge-code");
    return { ok: true, draft: { ...common, source, kind, pledgeCode } };
  }
  const deviceType = DEVICE_TYPES.find((type) => type === form.deviceType);
  if (source === "purchase") {
    if (!deviceType) return bad("device-type");
    const cost = parseMoney(form.costVnd);
    if (!cost.ok) return bad("cost");
    const paidBy = readPaidBy(form.paidBy);
    if (!Array.isArray(paidBy)) return bad("paid-by-line", { line: paidBy.line });
    if (paidBy.length === 0) return bad("paid-by-none");
    const sum = paidBy.reduce((total, paid) => total + paid.vnd, 0);
    if (sum !== cost.vnd) return bad("paid-by-sum", { sum, cost: cost.vnd });
    return { ok: true, draft: { ...common, source, kind: "devices", deviceType, costVnd: cost.vnd, paidBy } };
  }
  if (form.giverName.length < 2) return bad("giver");
  if (kind === "devices") {
    if (!deviceType) return bad("device-type");
    return { ok: true, draft: { ...common, source, kind, giverName: form.giverName, deviceType } };
  }
  const carrier = DATA_CARRIERS.find((c) => c === form.carrier && c !== "other");
  if (!carrier) return bad("carrier");
  const months = wholeNumber(form.months, 36);
  if (months === undefined) return bad("months");
  return { ok: true, draft: { ...common, source, kind, giverName: form.giverName, carrier, months } };
}
