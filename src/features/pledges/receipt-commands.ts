/**
 * Staff recording what arrived, in chat: /nhan appends to the pledge's ledger (ledger.ts);
 * an entry that takes an item above what was pledged (56 laptops on a pledge of 10) is not
 * recorded until staff confirm it with a button, because a slip of the thumb would otherwise
 * feed the public totals; /huynhan undoes an entry by a reversing one, with a reason. The donor
 * is thanked once for the day's entries (daily-thanks.ts), not once per command.
 */
import { randomBytes } from "node:crypto";
import type { ArgsHandler } from "../../core/feature.js";
import { actorOf, hasRole } from "../../core/person.js";
import { say, type Turn } from "../../core/turn.js";
import type { Redis } from "../../storage/redis.js";
import type { Audit } from "../staff/audit.js";
import type { DailyThanks } from "./daily-thanks.js";
import { describePledge } from "./describe.js";
import { entryIdOf } from "./ledger.js";
import type { PledgeLifecycle, ReceiptInput, ReceiveResult } from "./lifecycle.js";
import type { ItemKind } from "./model.js";
import { describeQuantity } from "./notices.js";
import { readReceipt } from "./read-receipt.js";
import type { PledgeService } from "./service.js";
import { staffPledgeArgs } from "./staff-commands.js";

const CONFIRM_TTL_SECONDS = 600;
export const CONFIRM_ACTION = "nhanok";

interface Pending extends ReceiptInput {
  code: string;
}

export function createReceiptCommands(deps: {
  pledges: PledgeService;
  lifecycle: PledgeLifecycle;
  audit: Audit;
  thanks: DailyThanks;
  redis: Redis;
  prefix: string;
}): { commands: Record<string, ArgsHandler>; actions: Record<string, ArgsHandler> } {
  const pendingKey = (token: string) => `${deps.prefix}pledge-over:${token}`;

  const receive = ({ code, ...receipt }: Pending) => deps.lifecycle.receive(code, receipt);

  const what = (turn: Turn, kind: ItemKind, quantity: number) =>
    describeQuantity(kind, quantity, turn.t, turn.locale);

  async function answer(turn: Turn, input: Pending, result: ReceiveResult): Promise<void> {
    const { code } = input;
    switch (result.kind) {
      case "not-found":
        return say(turn, turn.t("pledge-not-found", { code }));
      case "not-allowed":
        return say(
          turn,
          turn.t("pledge-staff-not-allowed", { status: turn.t(`pledge-status-${result.from}`) }),
        );
      case "no-such-item":
        return say(turn, turn.t("pledge-receive-no-such-item"));
      case "duplicate":
        return say(turn, turn.t("dialog-already-done"));
      case "over": {
        const token = randomBytes(6).toString("hex");
        await deps.redis.set(pendingKey(token), JSON.stringify(input), "EX", CONFIRM_TTL_SECONDS);
        return say(
          turn,
          turn.t("pledge-receive-over", {
            code,
            what: what(turn, input.kind, input.quantity),
            pledged: what(turn, input.kind, result.pledged),
            received: what(turn, input.kind, result.received),
          }),
          [
            [
              { value: `${CONFIRM_ACTION}:${token}`, label: turn.t("pledge-receive-over-confirm") },
              { value: `${CONFIRM_ACTION}:no`, label: turn.t("pledge-receive-over-drop") },
            ],
          ],
        );
      }
      case "changed": {
        await deps.audit(
          actorOf(turn.person),
          "pledge:received",
          code,
          result.entry.over ? "over" : undefined,
        );
        await deps.thanks.schedule(result.pledge);
        const entry = result.pledge.receipts.length;
        const lines = [
          turn.t("pledge-staff-received", { code, what: what(turn, input.kind, input.quantity), entry }),
          ...(result.entry.over ? [turn.t("pledge-staff-received-over")] : []),
          "",
          describePledge(result.pledge, turn.t, turn.locale),
        ];
        return say(turn, lines.join("\n"));
      }
    }
  }

  return {
    commands: {
      async nhan(turn, args) {
        const parsed = staffPledgeArgs(turn, args, "pledge-receive-usage");
        if (!parsed) return;
        const pledge = await deps.pledges.byCode(parsed.code);
        if (!pledge) return say(turn, turn.t("pledge-not-found", { code: parsed.code }));
        const entry = readReceipt(parsed.rest, pledge);
        if (!entry) return say(turn, turn.t("pledge-receive-usage"));
        const input: Pending = {
          code: parsed.code,
          kind: entry.kind,
          quantity: entry.quantity,
          // The platform's update id: a webhook retried by the platform records nothing twice,
          // and the confirmation of an over-receipt keeps it, so a double tap counts once.
          key: `chat:${turn.message.channel}:${turn.message.updateId}`,
          by: actorOf(turn.person),
          ...(entry.note ? { note: entry.note } : {}),
        };
        await answer(turn, input, await receive(input));
      },

      async huynhan(turn, args) {
        const parsed = staffPledgeArgs(turn, args, "pledge-reverse-usage");
        if (!parsed) return;
        const [number = "", ...why] = parsed.rest.split(/\s+/);
        const reason = why.join(" ").trim();
        if (!/^\d{1,4}$/.test(number) || !reason) return say(turn, turn.t("pledge-reverse-usage"));
        const { code } = parsed;
        const pledge = await deps.pledges.byCode(code);
        if (!pledge) return say(turn, turn.t("pledge-not-found", { code }));
        // Entries are only appended, so an entry's number in the ledger never changes.
        const target = pledge.receipts[Number(number) - 1];
        const result = target
          ? await deps.lifecycle.reverse(code, {
              entryId: entryIdOf(target),
              reason,
              by: actorOf(turn.person),
            })
          : ({ kind: "no-such-entry" } as const);
        if (result.kind === "not-found") return say(turn, turn.t("pledge-not-found", { code }));
        if (result.kind === "already-reversed")
          return say(turn, turn.t("pledge-reverse-already", { code, entry: number }));
        if (result.kind !== "changed")
          return say(turn, turn.t("pledge-reverse-no-entry", { code, entry: number }));
        await deps.audit(actorOf(turn.person), "pledge:reversed", code, reason);
        const shown = what(turn, result.reversed.kind, result.reversed.quantity);
        say(
          turn,
          `${turn.t("pledge-reverse-done", { code, entry: number, what: shown, reason })}\n\n${describePledge(result.pledge, turn.t, turn.locale)}`,
        );
      },
    },
    actions: {
      async [CONFIRM_ACTION](turn, token) {
        if (!hasRole(turn.person, "staff")) return say(turn, turn.t("staff-only"));
        if (token === "no") return say(turn, turn.t("pledge-receive-over-dropped"));
        const stored = /^[0-9a-f]{12}$/.test(token) ? await deps.redis.get(pendingKey(token)) : null;
        if (!stored) return say(turn, turn.t("pledge-receive-over-expired"));
        const input = JSON.parse(stored) as Pending;
        await answer(turn, input, await receive({ ...input, confirmOver: true }));
      },
    },
  };
}
