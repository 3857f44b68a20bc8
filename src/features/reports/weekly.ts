/**
 * The weekly summary in chat for province staff with alerts on: a few lines of the week just
 * ended (Monday to Sunday, Vietnam time). Sent once per week however many instances run the
 * job, decided by a Redis `SET NX` on the week (docs/conventions.md#once-only-decisions): the
 * instance that wins sends, the others stop. A crash between the claim and the sends loses that
 * week's summary, which is cheaper than a risk of sending it twice; the dashboard has the same
 * figures. The timer checks hourly and sends from Monday 08:00 on. docs/reports.md#weekly.
 */
import type { Connection } from "mongoose";
import { trusted } from "mongoose";
import type { I18n, Locale } from "../../core/i18n.js";
import type { Logger } from "../../core/logger.js";
import type { Notify } from "../../core/notifier.js";
import type { Redis } from "../../storage/redis.js";
import { lineModel } from "../allocation/model.js";
import { requestModel } from "../requests/model.js";
import type { StaffDirectory } from "../staff/directory.js";
import { figures, WAITING_STATUSES } from "./figures.js";
import { previousWeek } from "./weeks.js";

const HOUR_MS = 3_600_000;
/** Claims outlive the week they name by far; they only need to outlive its retries. */
const CLAIM_TTL_S = 60 * 24 * 3600;

export interface WeeklySummary {
  /** Sends the summary of the week before `at` unless some instance already did; true if sent. */
  run(at: Date): Promise<boolean>;
  start(): void;
  stop(): void;
}

export function createWeeklySummary(deps: {
  mongo: Connection;
  redis: Redis;
  prefix: string;
  staff: StaffDirectory;
  notify: Notify;
  i18n: Pick<I18n, "translator">;
  locale: Locale;
  logger: Logger;
}): WeeklySummary {
  let timer: NodeJS.Timeout | undefined;

  async function text(at: Date): Promise<(t: ReturnType<I18n["translator"]>) => string> {
    const { week, from, to } = previousWeek(at);
    const during = trusted({ $gte: from, $lt: to });
    const Requests = requestModel(deps.mongo);
    const [asked, handed, all] = await Promise.all([
      Requests.aggregate<{ _id: string; n: number }>([
        { $match: { createdAt: during } },
        { $group: { _id: "$kind", n: { $sum: 1 } } },
      ]),
      // A line returned to stock was not a handover that stuck.
      lineModel(deps.mongo).countDocuments({
        kind: "devices",
        handedOverAt: during,
        status: trusted({ $ne: "returned" }),
      }),
      figures(deps.mongo, { visible: [], bySchool: new Map(), filter: {} }),
    ]);
    const askedOf = (kind: string) => asked.find((r) => r._id === kind)?.n ?? 0;
    const wait = all.waits.find((w) => w.week === week);
    const waiting = WAITING_STATUSES.reduce((sum, s) => sum + (all.requests.device?.[s] ?? 0), 0);
    return (t) =>
      t("report-weekly", {
        week,
        from: new Intl.DateTimeFormat("vi-VN", {
          timeZone: "Asia/Ho_Chi_Minh",
          day: "2-digit",
          month: "2-digit",
          year: "numeric",
        }).format(from),
        devices: askedOf("device"),
        connectivity: askedOf("connectivity"),
        handed,
        median: wait ? wait.medianDays : "—",
        waiting,
      });
  }

  async function run(at: Date): Promise<boolean> {
    const { week } = previousWeek(at);
    const claimed = await deps.redis.set(`${deps.prefix}report-weekly:${week}`, "1", "EX", CLAIM_TTL_S, "NX");
    if (claimed !== "OK") return false;
    const compose = await text(at);
    const province = (await deps.staff.alertsFor(undefined)).filter((m) => m.level === "province");
    await Promise.all(
      province.map((m) =>
        deps.notify({ channel: m.channel, chatId: m.userId, locale: deps.locale }, (t) => [
          { kind: "text", text: compose(t) },
        ]),
      ),
    );
    return true;
  }

  /** Monday from 08:00 in Vietnam: the week before is complete and staff are at work. */
  const due = (at: Date) => {
    const local = new Date(at.getTime() + 7 * HOUR_MS);
    return local.getUTCDay() === 1 && local.getUTCHours() >= 8;
  };

  return {
    run,
    start() {
      timer = setInterval(() => {
        const now = new Date();
        if (due(now)) run(now).catch((err) => deps.logger.error({ err }, "weekly report failed"));
      }, HOUR_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
