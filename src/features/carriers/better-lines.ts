/**
 * Better-line requests (docs/carriers.md#better-lines): open connectivity requests whose
 * problem is "weak-signal" or "no-internet", grouped per carrier and ward (folded), with how
 * many households and at which places (rented rooms mark boarding-house areas). A carrier's
 * answer for a ward is one record (answer.model.ts) saved under the lease
 * `carrier-answer:<carrier|ward>`; the families of that ward and carrier are told a new answer
 * once, through the delivery engine (answer-notice.ts): saving the same text and status again
 * tells nobody.
 */
import { type Connection, trusted } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import type { Broadcaster } from "../../jobs/broadcaster.js";
import { type HelpRequest, type RequestStatus, requestModel } from "../requests/model.js";
import { type AnswerStatus, answerId, answerModel, type CarrierAnswer } from "./answer.model.js";
import { announceAnswer } from "./answer-notice.js";
import { type CarrierScope, wardKey } from "./scope.js";

export const BETTER_LINE_PROBLEMS = ["weak-signal", "no-internet"];
const OPEN: RequestStatus[] = ["new", "verified", "approved", "matched"];

export interface WardGroup {
  carrier: string;
  ward: string;
  wardLabel: string;
  households: number;
  /** place → households, e.g. { "rented-room": 2 }. */
  places: Record<string, number>;
  answer?: CarrierAnswer;
}

/**
 * How a ward is shown, from the ways its families wrote it ("Phường 5", "phường 5"): the most
 * common, then one written with a capital as the directory does, then the first alphabetically.
 * Never the one the store happened to return first.
 */
export function wardLabelOf(spellings: ReadonlyArray<string | undefined>): string {
  const counts = new Map<string, number>();
  for (const spelling of spellings) {
    const trimmed = spelling?.trim();
    if (trimmed) counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
  }
  const capitalised = (label: string) => (label[0] !== label[0]?.toLocaleLowerCase("vi") ? 1 : 0);
  const [best] = [...counts].sort(
    ([a, m], [b, n]) => n - m || capitalised(b) - capitalised(a) || a.localeCompare(b, "vi"),
  );
  return best?.[0] ?? "";
}

export function createBetterLines(deps: {
  connection: Connection;
  lock: RecordLock;
  broadcaster: Broadcaster;
}) {
  const Requests = requestModel(deps.connection);
  const Answers = answerModel(deps.connection);

  /** Ward is typed freely and personal, so it is matched in memory after one indexed read. */
  async function openRequests(scope: CarrierScope): Promise<HelpRequest[]> {
    const rows = await Requests.find({
      kind: "connectivity",
      status: trusted({ $in: OPEN }),
      problem: trusted({ $in: BETTER_LINE_PROBLEMS }),
    }).lean<HelpRequest[]>();
    return rows.filter((request) => request.carrier && !request.erasedAt && scope.covers(request));
  }

  async function groups(scope: CarrierScope, carrier?: string): Promise<WardGroup[]> {
    const byKey = new Map<string, WardGroup>();
    const spellings = new Map<string, Array<string | undefined>>();
    for (const request of await openRequests(scope)) {
      if (carrier && request.carrier !== carrier) continue;
      const ward = wardKey(request.ward);
      const id = answerId(request.carrier ?? "other", ward);
      const group = byKey.get(id) ?? {
        carrier: request.carrier ?? "other",
        ward,
        wardLabel: "",
        households: 0,
        places: {},
      };
      const written = spellings.get(id) ?? [];
      written.push(request.ward);
      spellings.set(id, written);
      group.households++;
      const place = request.place ?? "home";
      group.places[place] = (group.places[place] ?? 0) + 1;
      byKey.set(id, group);
    }
    for (const [id, group] of byKey) group.wardLabel = wardLabelOf(spellings.get(id) ?? []);
    const ids = [...byKey.keys()];
    const answers = ids.length
      ? await Answers.find({ _id: trusted({ $in: ids }) }).lean<CarrierAnswer[]>()
      : [];
    for (const answer of answers) {
      const group = byKey.get(answer._id);
      if (group) group.answer = answer;
    }
    return [...byKey.values()].sort(
      (a, b) =>
        a.carrier.localeCompare(b.carrier) || b.households - a.households || a.ward.localeCompare(b.ward),
    );
  }

  return {
    groups,
    /**
     * Saves the answer; `told` is how many families heard it, `unchanged` when the same text and
     * status were saved before (nobody is told again). The group must be in the viewer's scope.
     */
    async answer(
      scope: CarrierScope,
      input: { carrier: string; ward: string; text: string; status: AnswerStatus; by: string },
    ): Promise<{ kind: "saved"; told: number } | { kind: "unchanged" } | { kind: "not-found" }> {
      const id = answerId(input.carrier, input.ward);
      return deps.lock(`carrier-answer:${id}`, async () => {
        const families = (await openRequests(scope)).filter(
          (request) => request.carrier === input.carrier && wardKey(request.ward) === input.ward,
        );
        if (families.length === 0) return { kind: "not-found" as const };
        const before = await Answers.findById(id).lean<CarrierAnswer>();
        if (before && before.text === input.text && before.status === input.status)
          return { kind: "unchanged" as const };
        const record: CarrierAnswer = {
          _id: id,
          carrier: input.carrier,
          ward: input.ward,
          wardLabel: wardLabelOf(families.map((family) => family.ward)) || input.ward,
          text: input.text,
          status: input.status,
          answeredBy: input.by,
          answeredAt: new Date(),
          told: families.length,
        };
        // Unconditional upsert by _id: the lease, not the store, decides who writes.
        await Answers.replaceOne({ _id: id }, record, { upsert: true });
        // Queued, not sent under the lease: a ward of hundreds of households cannot outlast it.
        const told = await announceAnswer(deps.broadcaster, record, families);
        return { kind: "saved" as const, told };
      });
    },
  };
}

export type BetterLines = ReturnType<typeof createBetterLines>;
