/**
 * Classes: creating one once per confirmed form, finding a teacher's own classes, and the
 * parents' invite code. Ownership is checked here, not only in the dialog, so a forged button
 * cannot reach another teacher's class.
 */
import { type Connection, isValidObjectId, trusted } from "mongoose";
import type { ChannelName } from "../../core/messages.js";
import { fold } from "../../core/text/fold.js";
import { humanCode } from "../../storage/human-code.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type ChatRef, type ClassRecord, classModel } from "./model.js";

export type ClassInfo = ClassRecord & { id: string };
export type NewClass = Omit<ClassRecord, "code" | "teacherKey" | "createdAt">;
export type CreateClassResult = { kind: "created" | "exists"; cls: ClassInfo };

const CODE_ATTEMPTS = 5;

export const teacherKeyOf = (ref: Pick<ChatRef, "channel" | "userId">) => `${ref.channel}:${ref.userId}`;

export function createClassService(connection: Connection) {
  const Classes = classModel(connection);
  const withId = (doc: (ClassRecord & { _id: unknown }) | null): ClassInfo | null =>
    doc ? { ...doc, id: String(doc._id) } : null;
  const lean = (query: ReturnType<typeof Classes.findOne>) => query.lean<ClassRecord & { _id: unknown }>();

  async function create(input: NewClass): Promise<CreateClassResult> {
    const teacherKey = teacherKeyOf(input.teacher);
    const same = { teacherKey, schoolCode: input.schoolCode, schoolYear: input.schoolYear, name: input.name };
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await Classes.create({ ...input, teacherKey, code: humanCode("LOP") });
        return { kind: "created", cls: withId(created.toObject())! };
      } catch (error) {
        if (!asDuplicateKey(error)) throw error;
        // Which index clashed decides: the same confirm again, the same class again, or a code clash.
        const again = withId(await lean(Classes.findOne({ idempotencyKey: input.idempotencyKey })));
        if (again) return { kind: "created", cls: again };
        const existing = withId(await lean(Classes.findOne(same)));
        if (existing) return { kind: "exists", cls: existing };
        if (attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  const byId = async (id: string) => (isValidObjectId(id) ? withId(await lean(Classes.findById(id))) : null);
  const byCode = async (code: string) => withId(await lean(Classes.findOne({ code })));

  async function ofTeacher(channel: ChannelName, userId: string): Promise<ClassInfo[]> {
    const docs = await Classes.find({ teacherKey: `${channel}:${userId}` })
      .sort({ createdAt: 1 })
      .lean<Array<ClassRecord & { _id: unknown }>>();
    return docs.map((doc) => withId(doc)!);
  }

  async function byIds(ids: string[]): Promise<ClassInfo[]> {
    const valid = ids.filter((id) => isValidObjectId(id));
    if (valid.length === 0) return [];
    const docs = await Classes.find({ _id: trusted({ $in: valid }) }).lean<
      Array<ClassRecord & { _id: unknown }>
    >();
    return docs.map((doc) => withId(doc)!);
  }

  /** One of the teacher's classes by its code or its name ("6a1" finds 6A1); undefined when none or several. */
  async function findOwn(
    channel: ChannelName,
    userId: string,
    typed: string,
  ): Promise<ClassInfo | undefined> {
    const own = await ofTeacher(channel, userId);
    const wanted = fold(typed).replace(/\s+/g, "");
    if (!wanted) return own.length === 1 ? own[0] : undefined;
    const matches = own.filter(
      (c) => fold(c.code).replace(/\s+/g, "") === wanted || fold(c.name).replace(/\s+/g, "") === wanted,
    );
    return matches.length === 1 ? matches[0] : undefined;
  }

  const isTeacherOf = (cls: ClassInfo, ref: Pick<ChatRef, "channel" | "userId">) =>
    cls.teacherKey === teacherKeyOf(ref);

  return { create, byId, byIds, byCode, ofTeacher, findOwn, isTeacherOf };
}

export type ClassService = ReturnType<typeof createClassService>;
