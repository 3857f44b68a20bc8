/**
 * Creating requests once (per form and per child/phone), moving them through their lifecycle
 * with a history, and erasing personal fields on request.
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

export type NewRequest = Omit<HelpRequest, "code" | "status" | "history" | "createdAt">;
export type CreateResult =
  | { kind: "created"; request: HelpRequest }
  | { kind: "exists"; request: HelpRequest };
export type ChangeResult =
  | { kind: "changed"; request: HelpRequest }
  | { kind: "not-found" }
  | { kind: "not-allowed"; from: RequestStatus };

/** Where each status may go next; rejected, delivered and withdrawn are final. */
const NEXT: Record<RequestStatus, RequestStatus[]> = {
  new: ["verified", "rejected", "withdrawn"],
  verified: ["approved", "rejected", "withdrawn"],
  approved: ["matched", "rejected", "withdrawn"],
  matched: ["delivered", "rejected", "withdrawn"],
  delivered: [],
  rejected: [],
  withdrawn: [],
};
const OPEN: RequestStatus[] = ["new", "verified", "approved", "matched"];

export function claimKeys(request: NewRequest): string[] {
  const keys: string[] = [];
  if (request.phone) keys.push(`${request.kind}:phone:${request.phone}`);
  if (request.kind === "device" && request.childName) {
    const school = request.schoolCode ?? fold(request.schoolName ?? "");
    keys.push(`device:child:${fold(request.childName)}|${school}|${request.grade ?? ""}`);
  }
  return keys;
}

export function createRequestService(connection: Connection, lock: RecordLock) {
  const Requests = requestModel(connection);
  const Claims = requestClaimModel(connection);
  const byCode = (code: string) => Requests.findOne({ code }).lean<HelpRequest>();

  async function create(input: NewRequest): Promise<CreateResult> {
    const already = await Requests.findOne({ idempotencyKey: input.idempotencyKey }).lean<HelpRequest>();
    if (already) return { kind: "created", request: already };
    const history = [{ status: "new" as const, at: new Date(), by: "parent" }];
    const created = (
      await Requests.create({ ...input, code: humanCode("YC"), status: "new", history })
    ).toObject();
    // The request exists before it claims its keys, so whoever loses a clash finds the winner.
    for (const key of claimKeys(input)) {
      try {
        await Claims.create({ key, requestCode: created.code });
      } catch (error) {
        if (!asDuplicateKey(error)) throw error;
        await Claims.deleteMany({ requestCode: created.code });
        await Requests.deleteOne({ code: created.code });
        const owner = await Claims.findOne({ key }).lean<{ requestCode: string }>();
        const existing = owner && (await byCode(owner.requestCode));
        if (!existing) throw new Error(`claim ${key} has no request`);
        return { kind: "exists", request: existing };
      }
    }
    return { kind: "created", request: created };
  }

  async function changeStatus(
    code: string,
    to: RequestStatus,
    by: string,
    reason?: string,
  ): Promise<ChangeResult> {
    // The lease decides: two staff acting at once produce one change, on every store.
    return lock(`request:${code}`, async () => {
      const current = await byCode(code);
      if (!current) return { kind: "not-found" };
      if (!NEXT[current.status].includes(to)) return { kind: "not-allowed", from: current.status };
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
    list: (filter: { kind?: RequestKind; status?: RequestStatus; schoolCode?: string }, limit = 20) =>
      Requests.find({
        status: filter.status ?? "new",
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.schoolCode ? { schoolCode: filter.schoolCode } : {}),
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
        { $unset: personal, $set: { erasedAt: new Date(), userId: "erased", chatId: "erased" } },
      );
      return own.length;
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
