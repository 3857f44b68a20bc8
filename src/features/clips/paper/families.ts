/**
 * Which families collect paper lessons: those the teacher marked in the class's roster. ChoEm
 * suggests the ones whose device request says there is nothing at home to learn on; the teacher
 * decides (a suggestion is never a mark).
 */
import { type Connection, trusted } from "mongoose";
import type { MemberInfo, MemberService } from "../../classes/members.js";
import { requestModel } from "../../requests/model.js";

export function createPaperFamilies(connection: Connection, members: MemberService) {
  const Requests = requestModel(connection);

  return {
    /** The marked families of these classes. */
    async of(classIds: string[]): Promise<MemberInfo[]> {
      const rosters = await Promise.all(classIds.map((id) => members.roster(id)));
      return rosters.flat().filter((m) => m.paper);
    },
    /** Unmarked members of `roster` whose parent asked for a device with nothing at home. */
    async suggested(roster: MemberInfo[]): Promise<Set<string>> {
      const unmarked = roster.filter((m) => !m.paper);
      if (unmarked.length === 0) return new Set();
      const asked = await Requests.find(
        {
          kind: "device",
          homeHas: "nothing",
          userId: trusted({ $in: unmarked.map((m) => m.userId) }),
          status: trusted({ $nin: ["rejected", "withdrawn"] }),
        },
        { channel: 1, userId: 1, _id: 0 },
      ).lean<Array<{ channel: string; userId: string }>>();
      const parents = new Set(asked.map((r) => `${r.channel}:${r.userId}`));
      return new Set(unmarked.filter((m) => parents.has(`${m.channel}:${m.userId}`)).map((m) => m.id));
    },
  };
}

export type PaperFamilies = ReturnType<typeof createPaperFamilies>;
