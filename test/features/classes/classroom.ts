/**
 * A classroom on the real core: a harness with the classes and clips features, staff who
 * invite a teacher, a class, and parents joining it. Shared by the classes and clips tests.
 */
import { randomUUID } from "node:crypto";
import type { Connection } from "mongoose";
import type { Feature } from "../../../src/core/feature.js";
import type { InboundContent, OutboundMessage } from "../../../src/core/messages.js";
import { createClassesFeature } from "../../../src/features/classes/feature.js";
import { schoolYearOptions } from "../../../src/features/classes/fields.js";
import type { CountRecentClips } from "../../../src/features/classes/join.form.js";
import { createPeopleService } from "../../../src/features/people/service.js";
import { createSchoolService } from "../../../src/features/schools/service.js";
import type { Redis } from "../../../src/storage/redis.js";
import { BUTTONS, createHarness, type Harness, type HarnessKit } from "../../helpers/core-harness.js";
import { CHU_VAN_AN, seedSchools } from "../../helpers/schools.js";

export const STAFF = "9001";
export const BOT = "choem_test_bot";

export async function seedSchool(mongo: Connection): Promise<void> {
  await seedSchools(mongo, [CHU_VAN_AN]);
}

export function classroomHarness(
  redis: Redis,
  mongo: Connection,
  prefix: string,
  extra: (kit: HarnessKit) => Feature[] = () => [],
  options: {
    countRecentClips?: CountRecentClips;
    channel?: "telegram" | "zalo";
    capabilities?: typeof BUTTONS;
  } = {},
): Harness {
  const people = createPeopleService({ mongo, redis, prefix }, []);
  return createHarness({
    redis,
    mongo,
    prefix,
    adminIds: [`telegram:${STAFF}`],
    ...(options.channel ? { channel: options.channel } : {}),
    capabilities: options.capabilities ?? BUTTONS,
    features: (kit) => [
      createClassesFeature({
        mongo,
        lock: kit.lock,
        addRole: (person, role) => people.addRole(person, role),
        schools: createSchoolService(mongo),
        channels: { ...kit.channels, deepLinks: async (payload) => [`https://t.me/${BOT}?start=${payload}`] },
        reachability: kit.reachability,
        ...(options.countRecentClips ? { countRecentClips: options.countRecentClips } : {}),
      }),
      ...extra(kit),
    ],
  });
}

const choice = (value: string): InboundContent => ({ kind: "choice", value });

export function firstMatch(h: Harness, replies: OutboundMessage[], pattern: RegExp): string {
  const found = h.texts(replies).match(pattern)?.[0];
  if (!found) throw new Error(`no ${pattern} in: ${h.texts(replies)}`);
  return found;
}

/** Staff invite `teacher`, who redeems the code; returns the invite code. */
export async function makeTeacher(h: Harness, teacher: string): Promise<string> {
  const code = firstMatch(h, await h.say("/magv 79001", STAFF), /GV-[A-Z0-9]{6}/);
  await h.say(`/giaovien ${code}`, teacher);
  return code;
}

/** The teacher creates a class through the form; returns the class code and the confirmation's replies. */
export async function createClass(h: Harness, teacher: string, name = "6a1", zalo = "no") {
  await h.say("/taolop", teacher);
  await h.say(name, teacher);
  if (!/^\d/.test(name)) await h.say("6", teacher);
  await h.say(choice(schoolYearOptions()[0]!), teacher);
  const summary = await h.say(choice(zalo), teacher);
  const replies = await h.say(choice("nav:confirm"), teacher);
  return { code: firstMatch(h, replies, /LOP-[A-Z0-9]{6}/), summary, replies };
}

/** A parent joins by deep link and answers the form; returns the replies to the confirmation. */
export async function joinClass(
  h: Harness,
  parent: string,
  code: string,
  child: string,
  delivery = "direct",
) {
  await h.say(`/start lop_${code.slice(4)}`, parent);
  await h.say(choice("agree"), parent);
  await h.say(child, parent);
  await h.say(choice(delivery), parent);
  return h.say(choice("nav:confirm"), parent);
}

/** A command or event from a group chat (the harness speaks from private chats only). */
export async function inGroup(h: Harness, groupId: string, userId: string, content: InboundContent) {
  const before = h.sent.length;
  await h.pipeline.handle({
    channel: "telegram",
    chatId: groupId,
    chatKind: "group",
    userId,
    updateId: randomUUID(),
    receivedAt: new Date(),
    content,
  });
  return h.sent.slice(before);
}
