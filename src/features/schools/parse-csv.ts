/**
 * Reading the Department's school list, as exported from a spreadsheet: a small CSV reader of
 * our own (quoted fields, doubled quotes, CRLF or LF, optional BOM) and a validator that
 * reports every bad row by its line in the file, so one pass over the file fixes it all.
 */
import { z } from "zod";
import { fold } from "../../core/text/fold.js";
import {
  normalizeSchoolCode,
  SCHOOL_CODE,
  SCHOOL_LEVELS,
  type SchoolLevel,
  type SchoolRow,
} from "./model.js";

export interface LineError {
  /** 1-based line in the file where the record starts. */
  line: number;
  message: string;
}

export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; errors: LineError[] };
export type SchoolRowsResult = { ok: true; rows: SchoolRow[] } | { ok: false; errors: LineError[] };

export function parseCsv(input: string): CsvResult {
  // Excel's "CSV UTF-8" starts with a BOM; it would otherwise become part of the first header.
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  const fail = (at: number, message: string): CsvResult => ({ ok: false, errors: [{ line: at, message }] });
  const endField = () => {
    fields.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === "" && !wasQuoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        inQuotes = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === ",") {
      endField();
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (wasQuoted) {
      return fail(line, "text after a closing quote: quote the whole field and double inner quotes");
    } else if (ch === '"' && field === "") {
      inQuotes = true;
      wasQuoted = true;
    } else if (ch === '"') {
      return fail(line, "a quote inside an unquoted field: quote the whole field and double inner quotes");
    } else {
      field += ch;
    }
  }
  if (inQuotes) return fail(recordLine, "a quoted field is never closed");
  endRecord();
  return { ok: true, records };
}

export const SCHOOL_CSV_HEADER = ["code", "name", "level", "ward", "district", "province"] as const;
/**
 * Since 1 July 2025 there are no districts (quận/huyện): a list may leave the column empty or
 * leave it out. Either header is read; the row then has an empty district.
 */
export const SCHOOL_CSV_HEADER_NO_DISTRICT = ["code", "name", "level", "ward", "province"] as const;

/** Spelled-out level names people also write, folded; the short ones fold straight to an id. */
const LEVEL_ALIASES = new Map<string, SchoolLevel>([
  ["mau-giao", "mam-non"],
  ["trung-hoc-co-so", "thcs"],
  ["trung-hoc-pho-thong", "thpt"],
  ["giao-duc-thuong-xuyen", "gdtx"],
]);

/** "Tiểu học", "tieu hoc", "TIEU-HOC" and "tieu-hoc" are all the same level. */
export function parseSchoolLevel(text: string): SchoolLevel | undefined {
  const key = fold(text).replace(/ /g, "-");
  return (SCHOOL_LEVELS as readonly string[]).includes(key) ? (key as SchoolLevel) : LEVEL_ALIASES.get(key);
}

const tidy = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();
const place = z
  .string()
  .transform(tidy)
  .pipe(z.string().min(1, "is empty").max(100, "is longer than 100 characters"));

const rowSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(SCHOOL_CODE, "must be 2-20 letters, digits or dashes")
    .transform(normalizeSchoolCode),
  name: z
    .string()
    .transform(tidy)
    .pipe(z.string().min(3, "must be at least 3 characters").max(200, "is longer than 200 characters")),
  level: z.string().transform((text, ctx) => {
    const level = parseSchoolLevel(text);
    if (level) return level;
    ctx.addIssue({
      code: "custom",
      message: `"${tidy(text)}" is not a level: use ${SCHOOL_LEVELS.join(", ")} or their Vietnamese names`,
    });
    return z.NEVER;
  }),
  ward: place,
  district: z.string().default("").transform(tidy).pipe(z.string().max(100, "is longer than 100 characters")),
  province: place,
});

/** All or nothing: any error means no rows, so a half-imported directory never happens. */
export function parseSchoolRows(text: string): SchoolRowsResult {
  const csv = parseCsv(text);
  if (!csv.ok) return csv;
  const [header, ...body] = csv.records;
  const expected = SCHOOL_CSV_HEADER.join(",");
  const withoutDistrict = SCHOOL_CSV_HEADER_NO_DISTRICT.join(",");
  if (!header)
    return { ok: false, errors: [{ line: 1, message: `the file is empty; expected ${expected}` }] };
  const typed = header.fields.map((f) => f.trim()).join(",");
  if (typed !== expected && typed !== withoutDistrict) {
    return {
      ok: false,
      errors: [
        { line: header.line, message: `the header must be exactly ${expected} (or ${withoutDistrict})` },
      ],
    };
  }
  const columns: readonly string[] = typed === expected ? SCHOOL_CSV_HEADER : SCHOOL_CSV_HEADER_NO_DISTRICT;
  if (body.length === 0)
    return { ok: false, errors: [{ line: header.line, message: "no schools after the header" }] };

  const errors: LineError[] = [];
  const rows: SchoolRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    if (fields.length !== columns.length) {
      errors.push({ line, message: `expected ${columns.length} columns, found ${fields.length}` });
      continue;
    }
    const parsed = rowSchema.safeParse(Object.fromEntries(columns.map((key, i) => [key, fields[i]])));
    const code = normalizeSchoolCode(fields[0] ?? "");
    const first = seen.get(code);
    if (first !== undefined)
      errors.push({ line, message: `duplicate code ${code}: lines ${first} and ${line}` });
    else if (SCHOOL_CODE.test(code)) seen.set(code, line);
    if (parsed.success) rows.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({ line, message: `${issue.path.join(".")}: ${issue.message}` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
