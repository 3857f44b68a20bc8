/**
 * Creating requests once (per form, and one open request per child or per connectivity phone),
 * moving them through their lifecycle with a history, and erasing personal fields on request.
 *
 * The duplicate guard must not be an oracle: only the person who filed the first request is
 * told its code and status. Anyone else's attempt is kept, flagged `possibleDuplicateOf` for
 * staff to compare, and answered with a neutral sentence.
 */
import { type Connection, trusted } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import type { ChannelName } from "../../core/messages.js";
import { fold } from "../../core/text/fold.js";
import { humanCode } from "../../storage/human-code.js";
import { unsetPersonal } from "../../storage/personal.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import {
  type HelpRequest,
  type RequestKind,
  type RequestStatus,
  requestClaimModel,
  requestModel,
} from "./model.js";
import { searchKeysOf } from "./queue/search-keys.js";

export type NewRequest = Omit<
  HelpRequest,
  "code" | "status" | "history" | "createdAt" | "possibleDuplicateOf" | "searchKeys"
>;
/**
 * `exists`: the same person asked again; `request` is their first one. `flagged`: someone else
 * already asked for this child (or phone); `request` is the new one, kept for staff and
 * flagged, and the first one's code stays out of the result so it cannot reach the caller.
 */
export type CreateResult =
  | { kind: "created"; request: HelpRequest }
  | { kind: "exists"; request: HelpRequest }
  | { kind: "flagged"; request: HelpRequest };
export type ChangeResult =
  | { kind: "changed"; request: HelpRequest }
  | { kind: "not-found" }
  | { kind: "not-allowed"; from: RequestStatus };

/**
 * Where each status may go next; rejected, delivered and withdrawn are final. Approving a lot's
 * proposal matches verified requests too (approving the batch approves each need), and a line
 * returned to stock puts its request back among the approved ones (docs/allocation.md).
 */
export const NEXT: Record<RequestStatus, RequestStatus[]> = {
  new: ["verified", "rejected", "withdrawn"],
  verified: ["approved", "matched", "rejected", "withdrawn"],
  approved: ["matched", "rejected", "withdrawn"],
  matched: ["delivered", "approved", "rejected", "withdrawn"],
  delivered: [],
  rejected: [],
  withdrawn: [],
};
/**
 * What staff may do by hand (the console's buttons, `/capnhat`): a matched request has a unit of
 * a lot waiting for it, so it moves on only through its allocation line (handed over, returned
 * to stock: src/features/allocation/), and matching is the allocation pages' business too.
 */
export const BY_HAND: Record<RequestStatus, RequestStatus[]> = {
  ...NEXT,
  verified: ["approved", "rejected", "withdrawn"],
  matched: [],
};
const OPEN: RequestStatus[] = ["new", "verified", "approved", "matched"];

/**
 * What makes two requests the same: a device is for one child (name, school, grade), so
 * siblings sharing their parent's phone each get one; connectivity is for a household's line,
 * keyed by its phone. (Older `device:phone:` claims may still exist; they free up as their
 * requests close, and new device requests never ask for them.)
 */
export function claimKeys(request: NewRequest): string[] {
  if (request.kind === "device") {
    if (!request.childName) return [];
    const school = request.schoolCode ?? fold(request.schoolName ?? "");
    return [`device:child:${fold(request.childName)}|${school}|${request.grade ?? ""}`];
  }
  return request.phone ? [`connectivity:phone:${request.phone}`] : [];
}

export function createRequestService(connection: Connection, lock: RecordLock) {
  const Requests = requestModel(connection);
  const Claims = requestClaimModel(connection);
  const byCode = (code: string) => Requests.findOne({ code }).lean<HelpRequest>();

  async function create(input: NewRequest): Promise<CreateResult> {
    const request = await insertOnce(input);
    if (request.possibleDuplicateOf) return { kind: "flagged", request };
    // A closed request gave its claims up on purpose; a late retry must not take them back.
    if (!OPEN.includes(request.status)) return { kind: "created", request };
    return claim(request, input);
  }

  /** The form's one record: found again on a retry, inserted otherwise (its key's index decides a race). */
  async function insertOnce(input: NewRequest): Promise<HelpRequest> {
    const already = await Requests.findOne({ idempotencyKey: input.idempotencyKey }).lean<HelpRequest>();
    if (already) return already;
    const history = [{ status: "new" as const, at: new Date(), by: "parent" }];
    try {
      const searchKeys = searchKeysOf(input.childName);
      const record = { ...input, code: humanCode("YC"), status: "new" as const, history, searchKeys };
      return (await Requests.create(record)).toObject();
    } catch (error) {
      if (!asDuplicateKey(error)) throw error;
      const winner = await Requests.findOne({ idempotencyKey: input.idempotencyKey }).lean<HelpRequest>();
      if (!winner) throw error;
      return winner;
    }
  }

  /**
   * The request exists before it claims its keys, so whoever loses a clash finds the winner. Run
   * again on a retry (a crash between the two steps), a key it already holds is simply its own.
   */
  async function claim(request: HelpRequest, input: NewRequest): Promise<CreateResult> {
    for (const key of claimKeys(input)) {
      try {
        await Claims.create({ key, requestCode: request.code });
      } catch (error) {
        if (!asDuplicateKey(error)) throw error;
        const owner = await Claims.findOne({ key }).lean<{ requestCode: string }>();
        if (owner?.requestCode === request.code) continue;
        const existing = owner && (await byCode(owner.requestCode));
        if (!existing) throw new Error(`claim ${key} has no request`);
        await Claims.deleteMany({ requestCode: request.code });
        if (existing.channel === input.channel && existing.userId === input.userId) {
          await Requests.deleteOne({ code: request.code });
          return { kind: "exists", request: existing };
        }
        // Someone else: kept, not lost (a second parent, a relative, or a mistake staff must see).
        // Only this call writes the fresh record, so a plain update is safe here.
        await Requests.updateOne({ code: request.code }, { $set: { possibleDuplicateOf: existing.code } });
        return { kind: "flagged", request: { ...request, possibleDuplicateOf: existing.code } };
      }
    }
    return { kind: "created", request };
  }

  async function changeStatus(
    code: string,
    to: RequestStatus,
    by: string,
    reason?: string,
    rule: Record<RequestStatus, RequestStatus[]> = NEXT,
  ): Promise<ChangeResult> {
    // The lease decides: two staff acting at once produce one change, on every store.
    return lock(`request:${code}`, async () => {
      const current = await byCode(code);
      if (!current) return { kind: "not-found" };
      if (!rule[current.status].includes(to)) return { kind: "not-allowed", from: current.status };
      const change = { status: to, at: new Date(), by, ...(reason ? { reason } : {}) };
      const history = [...current.history, change];
      await Requests.updateOne({ code }, { $set: { status: to, history } });
      if (!OPEN.includes(to)) await Claims.deleteMany({ requestCode: code });
      return { kind: "changed", request: { ...current, status: to, history } };
    });
  }

  return {
    create,
    changeStatus,
    byCode,
    mine: (channel: ChannelName, userId: string) =>
      Requests.find({ channel, userId, erasedAt: trusted({ $exists: false }) })
        .sort({ createdAt: -1 })
        .limit(10)
        .lean<HelpRequest[]>(),
    list: (
      filter: { kind?: RequestKind; status?: RequestStatus; schoolCode?: string; schoolCodes?: string[] },
      limit = 20,
    ) =>
      Requests.find({
        status: filter.status ?? "new",
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.schoolCode ? { schoolCode: filter.schoolCode } : {}),
        // The staff member's scope: only these schools (possibly none).
        ...(filter.schoolCodes && !filter.schoolCode
          ? { schoolCode: trusted({ $in: filter.schoolCodes }) }
          : {}),
      })
        .sort({ createdAt: 1 })
        .limit(limit)
        .lean<HelpRequest[]>(),
    /** Withdraws open requests and erases personal fields; anonymous counts stay. */
    async erase(channel: ChannelName, userId: string): Promise<number> {
      const own = await Requests.find({ channel, userId }).lean<HelpRequest[]>();
      for (const request of own) {
        if (OPEN.includes(request.status)) await changeStatus(request.code, "withdrawn", "parent", "erased");
        await Claims.deleteMany({ requestCode: request.code });
      }
      const personal = unsetPersonal(Requests.schema);
      // userId and chatId are what links a record to a person: replace them by a placeholder.
      await Requests.updateMany(
        { channel, userId },
        {
          $unset: { ...personal, searchKeys: 1 },
          $set: { erasedAt: new Date(), userId: "erased", chatId: "erased" },
        },
      );
      return own.length;
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
