/**
 * What province staff do on a pledge's console page: record what arrived (checked, and above
 * the pledge only with the confirm box ticked), reverse a wrong entry with a reason, and send
 * the donor payment details when no VietQR account is configured. The same lifecycle and
 * notices as the chat commands, so the donor hears the same way; every action is audited. A
 * refused form comes back (400) with what was typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleKit } from "../../../core/console.js";
import { stripUnsafe } from "../../../core/text/strip-unsafe.js";
import { ITEM_KINDS, type ItemKind, type Pledge } from "../model.js";
import { describeQuantity } from "../notices.js";
import { parseMoney } from "../parse-money.js";
import type { DetailExtra, PledgeConsoleDeps, ReceiptForm } from "./pages.js";
import { canChange } from "./scope.js";

type ActionDeps = PledgeConsoleDeps & {
  detailPage(
    request: FastifyRequest,
    reply: FastifyReply,
    pledge: Pledge,
    extra?: DetailExtra,
  ): Promise<FastifyReply>;
  visible(request: FastifyRequest, code: string): Promise<Pledge | undefined>;
};

type Params = { Params: { code: string } };
const text = (value: unknown, max: number) =>
  stripUnsafe(String(value ?? ""))
    .trim()
    .slice(0, max);
const MAX_COUNT = 100_000;

/** The quantity typed for `kind`, or the locale key of what is wrong with it. */
export function readQuantity(
  kind: ItemKind,
  typed: string,
): { ok: true; quantity: number } | { ok: false; problem: string } {
  if (kind === "money") {
    const parsed = parseMoney(typed);
    return parsed.ok ? { ok: true, quantity: parsed.vnd } : { ok: false, problem: parsed.reason };
  }
  const count = /^\d{1,6}$/.test(typed) ? Number(typed) : Number.NaN;
  if (!(count >= 1 && count <= MAX_COUNT)) return { ok: false, problem: "console-pledge-count-invalid" };
  return { ok: true, quantity: count };
}

export function registerPledgeActions(app: FastifyInstance, kit: ConsoleKit, deps: ActionDeps): void {
  /** The pledge a POST is about, when the user may change it; otherwise the 404 page was sent. */
  async function target(request: FastifyRequest<Params>, reply: FastifyReply) {
    const pledge = canChange(kit, request) ? await deps.visible(request, request.params.code) : undefined;
    if (!pledge) await kit.notFound(request, reply);
    return pledge;
  }
  const back = (reply: FastifyReply, code: string, done: string) =>
    reply.redirect(`/console/pledges/${code}?done=${done}`, 303);

  app.post<Params & { Body: ReceiptForm & { confirm?: string } }>(
    "/pledges/:code/receipts",
    async (request, reply) => {
      const pledge = await target(request, reply);
      if (!pledge) return reply;
      const { staff, t, locale } = kit.user(request);
      const form: ReceiptForm = {
        kind: text(request.body?.kind, 10),
        amount: text(request.body?.amount, 40),
        note: text(request.body?.note, 200),
        entryKey: text(request.body?.entryKey, 40).replace(/[^a-f0-9-]/g, ""),
      };
      const again = (extra: DetailExtra) =>
        deps.detailPage(request, reply.code(400), pledge, { form, ...extra });
      const kind = ITEM_KINDS.find((k) => k === form.kind && pledge[k]);
      if (!kind) return again({ problem: "console-pledge-kind-needed" });
      const read = readQuantity(kind, form.amount ?? "");
      if (!read.ok) return again({ problem: read.problem });
      if (!form.entryKey) return again({ problem: "console-pledge-form-stale" });
      const result = await deps.lifecycle.receive(pledge.code, {
        kind,
        quantity: read.quantity,
        key: `console:${form.entryKey}`,
        by: staff.actor,
        confirmOver: request.body?.confirm === "yes",
        ...(form.note ? { note: form.note } : {}),
      });
      if (result.kind === "over") {
        const say = (n: number) => describeQuantity(kind, n, t, locale);
        return again({
          problem: "console-pledge-over",
          over: { pledged: say(result.pledged), received: say(result.received), what: say(read.quantity) },
        });
      }
      if (result.kind === "not-allowed") return again({ problem: "console-pledge-not-receivable" });
      if (result.kind === "not-found" || result.kind === "no-such-item") return kit.notFound(request, reply);
      if (result.kind === "changed") {
        await kit.audit(request, "pledges:receive", pledge.code, result.entry.over ? "over" : undefined);
        await deps.thanks.schedule(result.pledge);
      }
      // A duplicate is this very form posted twice: it was recorded the first time.
      return back(reply, pledge.code, "console-pledge-received");
    },
  );

  app.post<Params & { Body: { entry?: string; reason?: string } }>(
    "/pledges/:code/reverse",
    async (request, reply) => {
      const pledge = await target(request, reply);
      if (!pledge) return reply;
      const entry = text(request.body?.entry, 80);
      const reason = text(request.body?.reason, 200);
      const again = (problem: string) =>
        deps.detailPage(request, reply.code(400), pledge, { reverse: { entry, problem } });
      if (!reason) return again("console-pledge-reason-needed");
      const result = await deps.lifecycle.reverse(pledge.code, {
        entryId: entry,
        reason,
        by: kit.user(request).staff.actor,
      });
      if (result.kind === "already-reversed") return again("console-pledge-already-reversed");
      if (result.kind !== "changed") return again("console-pledge-no-such-entry");
      await kit.audit(request, "pledges:reverse", pledge.code, reason);
      return back(reply, pledge.code, "console-pledge-reversed");
    },
  );

  app.post<Params & { Body: { details?: string } }>("/pledges/:code/payment", async (request, reply) => {
    const pledge = await target(request, reply);
    if (!pledge) return reply;
    // With VietQR configured the donor already has the account and a QR code.
    if (deps.vietqr) return kit.notFound(request, reply);
    const details = text(request.body?.details, 1000);
    if (details.length < 8) {
      return deps.detailPage(request, reply.code(400), pledge, {
        payment: { details, problem: "console-pledge-payment-needed" },
      });
    }
    await deps.notices.tell(pledge, { kind: "payment", details });
    await kit.audit(request, "pledges:payment-details", pledge.code);
    return back(reply, pledge.code, "console-pledge-payment-sent");
  });
}
