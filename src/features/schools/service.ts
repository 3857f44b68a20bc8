/**
 * Finding a school by what a parent or teacher types ("chu van an", "THCS Chu Văn An dĩ an",
 * "79001"), and loading the directory from the Department's list, idempotently by code.
 */
import { type Connection, trusted } from "mongoose";
import { fold } from "../../core/text/fold.js";
import { normalizeSchoolCode, SCHOOL_CODE, type School, type SchoolRow, schoolModel } from "./model.js";

export interface UpsertResult {
  inserted: number;
  updated: number;
  /** Rows identical to what is stored: re-importing the same file changes nothing. */
  unchanged: number;
}

export interface SchoolService {
  search(query: string, limit?: number): Promise<School[]>;
  byCode(code: string): Promise<School | null>;
  upsertMany(rows: SchoolRow[]): Promise<UpsertResult>;
  count(): Promise<number>;
}

/** Nearly every name starts "truong ...", so a word match can hit the whole directory; rank a slice. */
const CANDIDATES = 200;
const MAX_WORDS = 8;
const MAX_QUERY_LENGTH = 200;
const HIDDEN = "-_id -__v";

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function createSchoolService(connection: Connection): SchoolService {
  const Schools = schoolModel(connection);
  const byCode = (code: string) =>
    Schools.findOne({ code: normalizeSchoolCode(code) }, HIDDEN).lean<School>();

  return {
    byCode,
    async search(query, limit = 5) {
      const raw = query.normalize("NFC").trim().slice(0, MAX_QUERY_LENGTH);
      const folded = fold(raw);
      if (folded.length < 2) return [];
      const words = folded.split(" ").slice(0, MAX_WORDS);
      const max = Math.max(1, Math.min(Math.trunc(limit), 50));
      // Word-prefix matching: "chu va" finds "chu van an", "an" does not find "tran".
      const wordStart = (word: string) => new RegExp(`(?:^| )${escapeRegex(word)}`);
      const [exact, prefixed, matching] = await Promise.all([
        SCHOOL_CODE.test(raw) ? byCode(raw) : null,
        Schools.find({ nameFolded: new RegExp(`^${escapeRegex(folded)}`) }, HIDDEN)
          .sort({ nameFolded: 1 })
          .limit(max)
          .lean<School[]>(),
        Schools.find(
          {
            $and: words.map((word) => ({
              $or: [{ nameFolded: wordStart(word) }, { placeFolded: wordStart(word) }],
            })),
          },
          HIDDEN,
        )
          .sort({ nameFolded: 1 })
          .limit(CANDIDATES)
          .lean<School[]>(),
      ]);
      const unique = new Map<string, School>();
      for (const school of [...(exact ? [exact] : []), ...prefixed, ...matching]) {
        unique.set(school.code, school);
      }
      const rank = (school: School) => searchRank(school, folded, words, exact?.code);
      return [...unique.values()]
        .sort(
          (a, b) =>
            rank(a) - rank(b) ||
            a.nameFolded.length - b.nameFolded.length ||
            a.nameFolded.localeCompare(b.nameFolded),
        )
        .slice(0, max);
    },
    async upsertMany(rows) {
      const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
      if (rows.length === 0) return result;
      // The unique index on code must exist before the first write, or a race could duplicate.
      await Schools.init();
      const existing = new Map<string, School>();
      const codes = rows.map((row) => normalizeSchoolCode(row.code));
      // The connection's sanitizeFilter would neuter $in; these codes are validated rows, not chat input.
      for (const school of await Schools.find({ code: trusted({ $in: codes }) }).lean<School[]>()) {
        existing.set(school.code, school);
      }
      const now = new Date();
      const writes = [];
      for (const row of rows) {
        const fields = {
          ...toFields(row),
          nameFolded: fold(row.name),
          placeFolded: fold(`${row.ward} ${row.district}`),
        };
        const before = existing.get(fields.code);
        if (before && sameFields(before, fields)) {
          result.unchanged++;
          continue;
        }
        // Upsert even for "new" rows: a concurrent import of the same code must not fail.
        writes.push({
          updateOne: {
            filter: { code: fields.code },
            update: { $set: { ...fields, updatedAt: now }, $setOnInsert: { createdAt: now } },
            upsert: true,
          },
        });
      }
      if (writes.length > 0) {
        const written = await Schools.bulkWrite(writes, { ordered: false });
        result.inserted = written.upsertedCount;
        result.updated = written.matchedCount;
      }
      return result;
    },
    count: () => Schools.countDocuments({}),
  };
}

/** Lower is better: the typed code, the whole name, its start, the phrase, all words, the place helps. */
function searchRank(school: School, folded: string, words: string[], code: string | undefined): number {
  if (school.code === code) return 0;
  if (school.nameFolded === folded) return 1;
  if (school.nameFolded.startsWith(folded)) return 2;
  const name = ` ${school.nameFolded}`;
  if (name.includes(` ${folded}`)) return 3;
  if (words.every((word) => name.includes(` ${word}`))) return 4;
  return 5;
}

function toFields(row: SchoolRow): SchoolRow {
  return {
    code: normalizeSchoolCode(row.code),
    name: row.name.normalize("NFC").trim(),
    level: row.level,
    ward: row.ward.normalize("NFC").trim(),
    district: (row.district ?? "").normalize("NFC").trim(),
    province: row.province.normalize("NFC").trim(),
  };
}

function sameFields(stored: School, fields: SchoolRow & Pick<School, "nameFolded" | "placeFolded">) {
  return (Object.keys(fields) as Array<keyof typeof fields>).every((key) => stored[key] === fields[key]);
}
