/**
 * Staff in chat: /dangnhap answers with a one-time link to the console; a DN- code typed to
 * the bot signs in the desktop that shows it; a CB- code (or /canbo CB-…) makes the sender
 * staff with the role and scope it was made for. The console pages for staff and the audit
 * log are this feature's console section (pages.ts).
 */
import type { Feature } from "../../core/feature.js";
import { actorOf } from "../../core/person.js";
import { say, type Turn } from "../../core/turn.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { FeatureContext } from "../context.js";
import { staffPages } from "./pages.js";
import { createSignIn, LINK_TTL_SECONDS } from "./sign-in.js";

const APPOINTMENT_CODE = /^\s*cb[\s-]*[a-z0-9]{6}\s*$/i;
const SIGN_IN_CODE = /^\s*dn[\s-]*[a-z0-9]{6}\s*$/i;

export const staffFeature = (ctx: FeatureContext): Feature => {
  const signIn = createSignIn(ctx.redis, ctx.prefix);
  const consoleUrl = `${ctx.config.publicUrl}/console`;

  async function signInLink(turn: Turn): Promise<void> {
    const member = await ctx.staff.get(actorOf(turn.person));
    if (!member) return say(turn, turn.t("staff-only"));
    await ctx.staff.nameIfMissing(member, turn.message.displayName);
    const secret = await signIn.issueLink(member.actor);
    say(
      turn,
      turn.t("console-link-answer", {
        link: `${consoleUrl}/signin?link=${secret}`,
        minutes: LINK_TTL_SECONDS / 60,
      }),
    );
  }

  async function signInCode(turn: Turn, typed: string): Promise<void> {
    const code = readHumanCode("DN", typed);
    const member = code ? await ctx.staff.get(actorOf(turn.person)) : undefined;
    if (!code || !member) return say(turn, turn.t("staff-only"));
    await ctx.staff.nameIfMissing(member, turn.message.displayName);
    const bound = await signIn.bindCode(code, member.actor);
    if (bound === "bound") return say(turn, turn.t("console-code-bound", { console: consoleUrl }));
    say(turn, turn.t("console-code-gone", { code }));
  }

  async function appointment(turn: Turn, typed: string): Promise<void> {
    const code = readHumanCode("CB", typed);
    if (!code) return say(turn, turn.t("staff-appointment-usage"));
    const result = await ctx.staff.redeem(code, turn.person);
    if (!result.ok) return say(turn, turn.t(`staff-appointment-${result.why}`, { code }));
    if (!turn.person.roles.includes("staff")) turn.person.roles.push("staff");
    say(turn, turn.t("staff-appointment-welcome", { console: consoleUrl }));
  }

  return {
    name: "staff",
    commands: {
      dangnhap: (turn) => signInLink(turn),
      login: (turn) => signInLink(turn),
      canbo: (turn, args) => appointment(turn, args),
    },
    async onContent(turn) {
      const content = turn.message.content;
      if (content.kind !== "text") return false;
      if (APPOINTMENT_CODE.test(content.text)) await appointment(turn, content.text);
      else if (SIGN_IN_CODE.test(content.text)) await signInCode(turn, content.text);
      else return false;
      return true;
    },
    async describePersonalData(person, t) {
      const member = await ctx.staff.recordOf(person);
      if (!member) return [];
      return [
        {
          key: "privacy-staff",
          values: { level: t(`staff-level-${member.level}`), name: member.name || "—" },
        },
      ];
    },
    erasePersonalData: (person) => ctx.staff.forget(person),
    console: staffPages(ctx),
  };
};
