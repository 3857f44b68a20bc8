/**
 * The person record itself (channel, user id, language, roles). Blocks are not kept here but
 * in the sender's reachability record (src/core/sending/reachability.ts). Erasing removes the
 * record: the next message starts a new one, with no roles.
 */
import type { Feature } from "../../core/feature.js";
import type { FeatureFactory } from "../context.js";
import type { PeopleService } from "./service.js";

export const peopleFeature: FeatureFactory = (ctx) => createPeopleFeature(ctx.people);

export function createPeopleFeature(people: PeopleService): Feature {
  return {
    name: "people",
    async describePersonalData(person, t) {
      const roles = await people.rolesOf(person);
      return roles.length > 0
        ? [{ key: "privacy-roles", values: { roles: roles.map((role) => t(`role-${role}`)).join(", ") } }]
        : [];
    },
    erasePersonalData: (person) => people.forget(person),
  };
}
