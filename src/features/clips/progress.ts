/** How a clip's deliveries stand, as the teacher reads it: "đã gửi 120/135, 3 lỗi". */
import type { Translate } from "../../core/i18n.js";
import type { StatusCounts } from "../../jobs/delivery-model.js";

export function totalOf(counts: StatusCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

export function describeProgress(code: string, counts: StatusCounts, t: Translate): string {
  return t("clip-progress", {
    code,
    sent: counts.sent,
    total: totalOf(counts),
    waiting: counts.queued + counts.sending,
    failed: counts.failed,
    blocked: counts.blocked,
    uncertain: counts.uncertain,
  });
}

export function describeReport(code: string, counts: StatusCounts, t: Translate): string {
  const lines = [
    t("clip-report", {
      code,
      sent: counts.sent,
      total: totalOf(counts),
      failed: counts.failed,
      blocked: counts.blocked,
      uncertain: counts.uncertain,
    }),
  ];
  if (counts.failed + counts.uncertain > 0) lines.push(t("clip-report-resend", { code }));
  if (counts.uncertain > 0) lines.push(t("clip-report-uncertain"));
  const outside = counts["outside-window"];
  if (outside > 0) lines.push(t("clip-report-outside-window", { count: outside }));
  return lines.join("\n");
}
