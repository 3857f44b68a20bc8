/**
 * Creating lots (docs/allocation.md#lots) and reading them. A lot from a pledge takes at most
 * what the pledge received and is not in a lot yet; a purchase spends at most what each paying
 * money pledge received and has not spent on an earlier purchase. Both are decided under the
 * pledge's own lock (`pledge:<code>`, the one its receipts are counted under), so two lots made
 * at once, or a lot and a reversed receipt, can never take the same units or money twice.
 */
import type { Connection } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import { humanCode } from "../../storage/human-code.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type Pledge, pledgeModel } from "../pledges/model.js";
import type { LotDraft, LotProblem } from "./lot-input.js";
import { type AllocationLine, type Lot, type LotKind, lineModel, lotModel } from "./model.js";

export type CreateLot = { ok: true; lot: Lot } | { ok: false; problem: LotProblem };

export function createLotService(connection: Connection, lock: RecordLock) {
  const Lots = lotModel(connection);
  const Lines = lineModel(connection);
  const Pledges = pledgeModel(connection);
  const pledgeOf = (code: string) => Pledges.findOne({ code }).lean<Pledge>();
  const problem = (key: string, args?: Record<string, string | number>): CreateLot => ({
    ok: false,
    problem: { key: `allocation-lot-bad-${key}`, ...(args ? { args } : {}) },
  });

  /** Inserts under a fresh code; a clash of codes (rare) just draws another. */
  async function insert(fields: Omit<Lot, "code" | "allocated" | "createdAt">): Promise<Lot> {
    for (;;) {
      try {
        return (await Lots.create({ ...fields, code: humanCode("LO"), allocated: 0 })).toObject();
      } catch (error) {
        if (!asDuplicateKey(error)) throw error;
      }
    }
  }

  /** Units of this pledge already in lots, of one kind. */
  async function inLots(pledgeCode: string, kind: LotKind): Promise<number> {
    const lots = await Lots.find({ pledgeCode, source: "pledge", kind }, { count: 1 }).lean<Lot[]>();
    return lots.reduce((sum, lot) => sum + lot.count, 0);
  }

  /** Money of this pledge already spent on purchases. */
  async function spent(pledgeCode: string): Promise<number> {
    const lots = await Lots.find({ "paidBy.pledgeCode": pledgeCode }, { paidBy: 1 }).lean<Lot[]>();
    return lots
      .flatMap((lot) => lot.paidBy ?? [])
      .filter((paid) => paid.pledgeCode === pledgeCode)
      .reduce((sum, paid) => sum + paid.vnd, 0);
  }

  /** Holds the locks of these pledges, always in the same order so two purchases never deadlock. */
  function holding<T>(codes: string[], task: () => Promise<T>): Promise<T> {
    const [first, ...rest] = [...new Set(codes)].sort();
    if (!first) return task();
    return lock(`pledge:${first}`, () => holding(rest, task));
  }

  async function create(draft: LotDraft, by: string): Promise<CreateLot> {
    const common = {
      count: draft.count,
      areas: draft.areas,
      keptAt: draft.keptAt,
      ...(draft.note ? { note: draft.note } : {}),
      createdBy: by,
    };
    if (draft.source === "pledge") {
      return holding([draft.pledgeCode], async () => {
        const pledge = await pledgeOf(draft.pledgeCode);
        if (!pledge || pledge.status === "cancelled")
          return problem("pledge-unknown", { code: draft.pledgeCode });
        const item = draft.kind === "devices" ? pledge.devices : pledge.data;
        if (!item) return problem(`pledge-no-${draft.kind}`, { code: draft.pledgeCode });
        const left = item.receivedCount - (await inLots(pledge.code, draft.kind));
        if (draft.count > left) return problem("pledge-too-many", { left: Math.max(0, left) });
        const what =
          draft.kind === "devices"
            ? { deviceType: pledge.devices?.type ?? "" }
            : { carrier: pledge.data?.carrier ?? "", months: pledge.data?.months ?? 1 };
        const lot = await insert({
          ...common,
          kind: draft.kind,
          ...what,
          source: "pledge",
          pledgeCode: pledge.code,
        });
        return { ok: true, lot };
      });
    }
    if (draft.source === "purchase") {
      return holding(
        draft.paidBy.map((paid) => paid.pledgeCode),
        async () => {
          for (const paid of draft.paidBy) {
            const pledge = await pledgeOf(paid.pledgeCode);
            if (!pledge || pledge.status === "cancelled")
              return problem("pledge-unknown", { code: paid.pledgeCode });
            if (!pledge.money) return problem("pledge-no-money", { code: paid.pledgeCode });
            const left = pledge.money.receivedVnd - (await spent(paid.pledgeCode));
            if (paid.vnd > left)
              return problem("money-too-much", { code: paid.pledgeCode, left: Math.max(0, left) });
          }
          const lot = await insert({
            ...common,
            kind: "devices",
            deviceType: draft.deviceType,
            source: "purchase",
            costVnd: draft.costVnd,
            paidBy: draft.paidBy,
          });
          return { ok: true, lot };
        },
      );
    }
    const what =
      draft.kind === "devices"
        ? { deviceType: draft.deviceType ?? "" }
        : { carrier: draft.carrier ?? "", months: draft.months ?? 1 };
    const lot = await insert({
      ...common,
      kind: draft.kind,
      ...what,
      source: "other",
      giverName: draft.giverName,
    });
    return { ok: true, lot };
  }

  return {
    create,
    byCode: (code: string) => Lots.findOne({ code }).lean<Lot>(),
    /** The newest lots; the page keeps those the viewer works with (lot-scope.ts). */
    list: () => Lots.find({}).sort({ createdAt: -1 }).limit(200).lean<Lot[]>(),
    linesOf: (lotCode: string) =>
      Lines.find({ lotCode }).sort({ approvedAt: -1 }).limit(2000).lean<AllocationLine[]>(),
  };
}

export type LotService = ReturnType<typeof createLotService>;
