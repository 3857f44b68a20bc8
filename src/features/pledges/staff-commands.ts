/**
 * What staff do with pledges in chat: allocate to a school (/phanbo), mark delivered (/trao) or
 * cancel (/huyuh); the donor is told after each change. Recording what arrived (/nhan, /huynhan)
 * is receipt-commands.ts.
 */
import type { ArgsHandler } from "../../core/feature.js";
import { actorOf, hasRole } from "../../core/person.js";
import { formatPhone } from "../../core/text/parse-phone.js";
import { say, type Turn } from "../../core/turn.js";
import { readHumanCode } from "../../storage/human-code.js";
import { schoolArea } from "../schools/model.js";
import type { SchoolService } from "../schools/service.js";
import type { Audit } from "../staff/audit.js";
import { describePledge } from "./describe.js";
import type { DonorNotices } from "./donor-notices.js";
import { type Change, hasReceivedAnything, type PledgeLifecycle } from "./lifecycle.js";
import type { Pledge } from "./model.js";
import type { PledgeEvent } from "./notices.js";
import type { PledgeService } from "./service.js";

export function createStaffCommands(deps: {
  pledges: PledgeService;
  lifecycle: PledgeLifecycle;
  schools: SchoolService;
  audit: Audit;
  /** Tells the donor, through the delivery engine (donor-notices.ts). */
  tellDonor: DonorNotices["tell"];
}): Record<string, ArgsHandler> {
  const { pledges, lifecycle } = deps;

  async function report(
    turn: Turn,
    code: string,
    result: Change,
    event: PledgeEvent,
    done = turn.t("pledge-staff-done"),
  ): Promise<void> {
    await deps.audit(actorOf(turn.person), `pledge:${event.kind}`, code);
    if (result.kind === "not-found") return say(turn, turn.t("pledge-not-found", { code }));
    if (result.kind === "not-allowed") {
      return say(
        turn,
        turn.t("pledge-staff-not-allowed", { status: turn.t(`pledge-status-${result.from}`) }),
      );
    }
    await deps.tellDonor(result.pledge, event);
    say(turn, `${done}\n\n${describePledge(result.pledge, turn.t, turn.locale)}`);
  }

  return {
    async phanbo(turn, args) {
      const parsed = staffPledgeArgs(turn, args, "pledge-allocate-usage");
      if (!parsed) return;
      const [schoolCode = "", ...note] = parsed.rest.split(/\s+/);
      const school = schoolCode ? await deps.schools.byCode(schoolCode) : null;
      if (!school) return say(turn, turn.t("pledge-school-not-found", { school: schoolCode || "—" }));
      const pledge = await pledges.byCode(parsed.code);
      if (pledge && !hasReceivedAnything(pledge) && pledge.status === "pledged") {
        return say(turn, turn.t("pledge-nothing-received-yet", { code: parsed.code }));
      }
      const target = {
        schoolCode: school.code,
        schoolName: school.name,
        // The district, or the ward where there is none (two-level local government since 2025).
        district: schoolArea(school),
        level: school.level,
      };
      const result = await lifecycle.allocate(
        parsed.code,
        target,
        actorOf(turn.person),
        note.join(" ") || undefined,
      );
      await report(turn, parsed.code, result, { kind: "allocated" });
    },

    async trao(turn, args) {
      const parsed = staffPledgeArgs(turn, args, "pledge-deliver-usage");
      if (!parsed) return;
      const result = await lifecycle.deliver(parsed.code, actorOf(turn.person), parsed.rest || undefined);
      await report(turn, parsed.code, result, { kind: "delivered" });
    },

    async huyuh(turn, args) {
      const parsed = staffPledgeArgs(turn, args, "pledge-cancel-usage");
      if (!parsed) return;
      if (!parsed.rest) return say(turn, turn.t("pledge-cancel-usage"));
      const result = await lifecycle.cancel(parsed.code, actorOf(turn.person), parsed.rest);
      await report(turn, parsed.code, result, { kind: "cancelled", reason: parsed.rest });
    },
  };
}

/** The staff view of one pledge: the donor's name and pick-up phone too. Reads are audited. */
export function describeForStaff(pledge: Pledge, turn: Turn): string {
  const who = pledge.donorName ?? turn.t("pledge-name-mode-anonymous");
  const phone = pledge.phone ? ` · ${formatPhone(pledge.phone)}` : "";
  const address = pledge.devices?.address ? ` · ${pledge.devices.address}` : "";
  return `${describePledge(pledge, turn.t, turn.locale)}\n${turn.t(`pledge-donor-${pledge.donorType}`)}: ${who}${phone}${address}`;
}

/** Staff only; splits "UH-XXXXXX rest…" or says how to use the command. */
export function staffPledgeArgs(
  turn: Turn,
  args: string,
  usageKey: string,
): { code: string; rest: string } | undefined {
  if (!hasRole(turn.person, "staff")) {
    say(turn, turn.t("staff-only"));
    return undefined;
  }
  const [first = "", ...rest] = args.split(/\s+/);
  const code = readHumanCode("UH", first);
  if (!code) say(turn, turn.t(usageKey));
  return code ? { code, rest: rest.join(" ").trim() } : undefined;
}
