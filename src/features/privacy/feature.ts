/**
 * "Dữ liệu của tôi": anyone can see what ChoEm stores about them and delete it (Decree 13/2023).
 * Deleting withdraws open requests and erases personal fields; anonymous counts stay.
 */
import type { Connection } from "mongoose";
import type { Feature } from "../../core/feature.js";
import { formatPhone } from "../../core/text/parse-phone.js";
import { say, type Turn } from "../../core/turn.js";
import { createMemberService } from "../classes/members.js";
import { createPledgeService } from "../pledges/service.js";
import type { HelpRequest } from "../requests/model.js";
import { createRequestService } from "../requests/service.js";
import { createSupportService } from "../support/service.js";

export function createPrivacyFeature(mongo: Connection): Feature {
  const requests = createRequestService(mongo);
  const support = createSupportService(mongo);
  const pledges = createPledgeService(mongo);
  const members = createMemberService(mongo);

  async function show(turn: Turn): Promise<void> {
    const { channel, userId } = turn.person;
    const [own, tickets, gifts, memberships] = await Promise.all([
      requests.mine(channel, userId),
      support.mine(channel, userId),
      pledges.mine(channel, userId),
      members.of(channel, userId),
    ]);
    const lines = [turn.t("privacy-intro", { channel, language: turn.locale })];
    for (const request of own) lines.push(requestLine(request, turn));
    for (const ticket of tickets.filter((x) => x.question)) {
      lines.push(turn.t("privacy-ticket", { code: ticket.code, question: ticket.question }));
    }
    for (const gift of gifts) {
      const details = [gift.donorName, gift.phone ? formatPhone(gift.phone) : undefined]
        .filter(Boolean)
        .join(", ");
      lines.push(turn.t("privacy-pledge", { code: gift.code, details: details || "—" }));
    }
    for (const membership of memberships)
      lines.push(turn.t("privacy-class-member", { child: membership.childName }));
    if (own.length + tickets.length + gifts.length + memberships.length === 0) {
      lines.push(turn.t("privacy-nothing-else"));
    }
    say(turn, lines.join("\n\n"), [[{ value: "privacy:erase", label: turn.t("privacy-erase-button") }]]);
  }

  function requestLine(request: HelpRequest, turn: Turn): string {
    const fields = [
      request.childName,
      request.grade ? turn.t("request-grade", { grade: request.grade }) : undefined,
      request.schoolName,
      request.className,
      request.ward,
      request.phone ? formatPhone(request.phone) : undefined,
    ].filter(Boolean);
    return `${request.code} (${turn.t(`request-kind-${request.kind}`)}): ${fields.join(", ")}`;
  }

  return {
    name: "privacy",
    menu: [{ value: "mydata", labelKey: "menu-my-data", run: (turn) => show(turn) }],
    commands: { dulieu: (turn) => show(turn), mydata: (turn) => show(turn) },
    actions: {
      async privacy(turn, what) {
        if (what === "erase") {
          say(turn, turn.t("privacy-erase-confirm"), [
            [
              { value: "privacy:erase-yes", label: turn.t("privacy-erase-yes") },
              { value: "privacy:keep", label: turn.t("privacy-keep") },
            ],
          ]);
        } else if (what === "erase-yes") {
          const { channel, userId } = turn.person;
          const count = await requests.erase(channel, userId);
          await support.erase(channel, userId);
          await pledges.eraseDonor(channel, userId);
          await members.erase(channel, userId);
          turn.session.dialog = undefined;
          say(turn, turn.t("privacy-erased", { count }));
        } else say(turn, turn.t("privacy-kept"));
      },
    },
  };
}
