/**
 * Parents' requests: the two forms, "Tra cứu" for their own requests, and the minimum staff
 * need to list new requests and move them on (with the parent told each time).
 */
import type { Connection } from "mongoose";
import { coversSchool, type ScopedSchools } from "../../core/console.js";
import type { Feature } from "../../core/feature.js";
import type { I18n } from "../../core/i18n.js";
import type { RecordLock } from "../../core/lock.js";
import type { Notify } from "../../core/notifier.js";
import { actorOf, hasRole, type Person } from "../../core/person.js";
import { say, type Turn } from "../../core/turn.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { FeatureFactory } from "../context.js";
import { createAudit } from "../staff/audit.js";
import { connectivityForm } from "./connectivity.form.js";
import { requestPages } from "./console/pages.js";
import { describeForStaff, describeRequest, describeStored } from "./describe.js";
import { deviceForm } from "./device.form.js";
import type { RequestKind } from "./model.js";
import { backfillSearchKeys } from "./queue/backfill-search-keys.js";
import { createRequestQueue } from "./queue/list-requests.js";
import type { SchoolDirectory } from "./school-steps.js";
import { createRequestService } from "./service.js";
import { createRequestActions } from "./staff-actions.js";
import { statusWords } from "./status-words.js";

/** Which schools a staff member may see (undefined: not staff). */
export type StaffScopeOf = (person: Person) => Promise<ScopedSchools | undefined>;

export const requestsFeature: FeatureFactory = (ctx) =>
  createRequestsFeature({
    mongo: ctx.mongo,
    lock: ctx.lock,
    schools: ctx.schools,
    notify: ctx.sender.notify,
    i18n: ctx.i18n,
    async scopeOf(person) {
      const member = await ctx.staff.get(actorOf(person));
      return member ? ctx.staffScopes.schoolsOf(member.scope) : undefined;
    },
  });

export function createRequestsFeature(deps: {
  mongo: Connection;
  lock: RecordLock;
  schools: SchoolDirectory;
  notify: Notify;
  i18n: I18n;
  /** Without a staff directory (unit tests), anyone with the staff role sees everything. */
  scopeOf?: StaffScopeOf;
}): Feature {
  const requests = createRequestService(deps.mongo, deps.lock);
  const audit = createAudit(deps.mongo);
  const actions = createRequestActions(requests, deps.notify, audit);
  const readStatus = statusWords(deps.i18n);
  const scopeOf: StaffScopeOf =
    deps.scopeOf ?? (async (person) => (hasRole(person, "staff") ? { all: true } : undefined));
  const sees = (scope: ScopedSchools | undefined, schoolCode: string | undefined) =>
    !!scope && coversSchool(scope, schoolCode);

  async function lookup(turn: Turn, args: string): Promise<void> {
    const code = readHumanCode("YC", args);
    if (code) {
      const request = await requests.byCode(code);
      const mine =
        request && request.channel === turn.person.channel && request.userId === turn.person.userId;
      if (request && (mine || sees(await scopeOf(turn.person), request.schoolCode))) {
        if (!mine) await audit(actorOf(turn.person), "read-request", code);
        say(turn, mine ? describeRequest(request, turn.t) : describeForStaff(request, turn.t));
      } else say(turn, turn.t("request-not-found", { code }));
      return;
    }
    const own = await requests.mine(turn.person.channel, turn.person.userId);
    if (own.length === 0) say(turn, turn.t("request-none-yet"));
    else
      say(
        turn,
        [
          turn.t("request-yours"),
          ...own.map((r) => describeRequest(r, turn.t)),
          turn.t("request-withdraw-hint"),
        ].join("\n\n"),
      );
  }

  async function withdraw(turn: Turn, args: string): Promise<void> {
    const code = readHumanCode("YC", args);
    const request = code ? await requests.byCode(code) : null;
    const mine = request && request.channel === turn.person.channel && request.userId === turn.person.userId;
    if (!code || !request || !mine) return say(turn, turn.t("request-withdraw-usage"));
    const result = await requests.changeStatus(code, "withdrawn", "parent");
    if (result.kind !== "changed") {
      return say(
        turn,
        turn.t("request-withdraw-too-late", { status: turn.t(`request-status-${request.status}`) }),
      );
    }
    say(turn, turn.t("request-withdrawn", { code }));
  }

  async function listForStaff(turn: Turn, args: string): Promise<void> {
    const scope = await scopeOf(turn.person);
    if (!scope) return say(turn, turn.t("staff-only"));
    const words = args.toLowerCase().split(/\s+/).filter(Boolean);
    const kind = words.find((w): w is RequestKind => w === "device" || w === "connectivity");
    const schoolCode = words.find((w) => /^\d{3,}$/.test(w));
    // A status in Vietnamese ("đã xác minh") or English, anywhere among the words.
    const rest = words.filter((w) => w !== kind && w !== schoolCode);
    const status = rest.map((_, i) => readStatus(rest.slice(i).join(" "))).find(Boolean)?.status;
    if (schoolCode && !sees(scope, schoolCode)) return say(turn, turn.t("staff-requests-none"));
    const found = await requests.list({
      ...(kind ? { kind } : {}),
      ...(status ? { status } : {}),
      ...(schoolCode ? { schoolCode } : {}),
      ...(scope.all ? {} : { schoolCodes: scope.codes }),
    });
    await audit(actorOf(turn.person), "list-requests", args || "new");
    if (found.length === 0) return say(turn, turn.t("staff-requests-none"));
    say(
      turn,
      `${turn.t("staff-requests-list", { count: found.length })}\n\n${found.map((r) => describeForStaff(r, turn.t)).join("\n\n")}`,
    );
  }

  async function changeStatus(turn: Turn, args: string): Promise<void> {
    const scope = await scopeOf(turn.person);
    if (!scope) return say(turn, turn.t("staff-only"));
    const [rawCode = "", ...after] = args.trim().split(/\s+/);
    const code = readHumanCode("YC", rawCode);
    const read = readStatus(after.join(" "));
    const status = read?.status;
    const reason = read?.rest.trim() ?? "";
    if (!code || !status) return say(turn, turn.t("staff-status-usage"));
    // Another school's request is as absent to this staff member as one that does not exist.
    const current = await requests.byCode(code);
    if (!current || !sees(scope, current.schoolCode)) return say(turn, turn.t("request-not-found", { code }));
    if (status === "rejected" && !reason) return say(turn, turn.t("staff-reason-needed"));
    const result = await actions.move(code, status, actorOf(turn.person), reason || undefined);
    if (result.kind === "not-found") return say(turn, turn.t("request-not-found", { code }));
    if (result.kind === "not-allowed") {
      return say(turn, turn.t("staff-status-not-allowed", { from: turn.t(`request-status-${result.from}`) }));
    }
    say(turn, turn.t("staff-status-changed", { code, status: turn.t(`request-status-${status}`) }));
  }

  return {
    name: "requests",
    console: requestPages({ requests, actions, i18n: deps.i18n, queue: createRequestQueue(deps.mongo) }),
    // Requests filed before the staff queue's name search get their search keys once.
    async start() {
      await backfillSearchKeys(deps.mongo);
    },
    async describePersonalData(person, t) {
      const own = await requests.mine(person.channel, person.userId);
      return own.map((request) => ({
        key: "privacy-request",
        values: { code: request.code, details: describeStored(request, t) },
      }));
    },
    erasePersonalData: (person) => requests.erase(person.channel, person.userId),
    forms: [deviceForm(requests, deps.schools), connectivityForm(requests)],
    menu: [
      { value: "device", labelKey: "menu-device", run: (turn, tools) => tools.dialogs.start(turn, "device") },
      {
        value: "connectivity",
        labelKey: "menu-connectivity",
        run: (turn, tools) => tools.dialogs.start(turn, "connectivity"),
      },
      { value: "lookup", labelKey: "menu-lookup", run: (turn) => lookup(turn, "") },
      {
        value: "staff-requests",
        labelKey: "menu-staff-requests",
        roles: ["staff"],
        run: (turn) => listForStaff(turn, ""),
      },
    ],
    commands: {
      tracuu: (turn, args) => lookup(turn, args),
      lookup: (turn, args) => lookup(turn, args),
      rut: (turn, args) => withdraw(turn, args),
      withdraw: (turn, args) => withdraw(turn, args),
      yeucau: (turn, args) => listForStaff(turn, args),
      capnhat: (turn, args) => changeStatus(turn, args),
    },
  };
}
