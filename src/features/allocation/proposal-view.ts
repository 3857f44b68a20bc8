/**
 * A proposal's rows as the page shows them: the child (name, class, school read from the
 * request now, since a line or a proposal names no one), the score and each part of it in the
 * table's words ("Hộ nghèo 30 · Chưa có gì 25 · 3 tuần chờ 6"), and since when it has waited.
 */
import { type Connection, trusted } from "mongoose";
import type { Translate } from "../../core/i18n.js";
import { formatDate } from "../../core/text/format-date.js";
import { type HelpRequest, requestModel } from "../requests/model.js";
import type { SchoolService } from "../schools/service.js";
import type { Candidate } from "./candidates.js";
import type { ScorePart } from "./score.js";

export interface ProposalRow {
  code: string;
  pupil: string;
  className: string;
  school: string;
  total: number;
  parts: string[];
  waiting: string;
}

export function partLabel(part: ScorePart, t: Translate): string {
  if (part.group === "circumstance") return `${t(`circumstance-${part.value}`)} ${part.points}`;
  if (part.group === "home") return `${t(`home-has-${part.value}`)} ${part.points}`;
  return t("allocation-part-wait", { weeks: Number(part.value), points: part.points });
}

export function createProposalView(connection: Connection, schools: Pick<SchoolService, "byCode">) {
  const Requests = requestModel(connection);
  return async function rowsOf(candidates: Candidate[], t: Translate): Promise<ProposalRow[]> {
    const codes = candidates.map((c) => c.code);
    const requests = codes.length
      ? await Requests.find(
          { code: trusted({ $in: codes }) },
          { code: 1, childName: 1, className: 1, grade: 1, schoolName: 1, schoolCode: 1, ward: 1 },
        ).lean<HelpRequest[]>()
      : [];
    const byCode = new Map(requests.map((r) => [r.code, r]));
    const names = new Map<string, string>();
    for (const code of new Set(candidates.flatMap((c) => (c.schoolCode ? [c.schoolCode] : []))))
      names.set(code, (await schools.byCode(code))?.name ?? code);
    return candidates.map((candidate) => {
      const request = byCode.get(candidate.code);
      return {
        code: candidate.code,
        pupil: request?.childName ?? "",
        className: request?.className ?? (request?.grade ? String(request.grade) : ""),
        school: candidate.schoolCode
          ? (names.get(candidate.schoolCode) ?? candidate.schoolCode)
          : (request?.schoolName ?? request?.ward ?? ""),
        total: candidate.score.total,
        parts: candidate.score.parts.map((part) => partLabel(part, t)),
        waiting: formatDate(candidate.createdAt),
      };
    });
  };
}
