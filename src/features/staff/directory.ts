/**
 * The staff directory: who is staff, at which level, over which schools; appointing someone
 * with a single-use CB- code, changing and revoking them. ADMIN_IDS bootstrap province staff
 * (config.ts). A code is redeemed under its Redis lease (core/lock.ts), so two people typing
 * it at once cannot both become staff with it, on any store.
 */
import { type Connection, trusted } from "mongoose";
import type { AdminId } from "../../config.js";
import type { StaffLevel, StaffMember, StaffScope } from "../../core/console.js";
import type { RecordLock } from "../../core/lock.js";
import type { ChannelName } from "../../core/messages.js";
import { actorOf, type Person, type Role } from "../../core/person.js";
import { humanCode } from "../../storage/human-code.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type Appointment, appointmentModel, type StaffRecord, staffModel } from "./model.js";
import type { ScopeResolver } from "./scope.js";

/** An appointment code is good for a week: long enough to reach a busy headteacher. */
const APPOINTMENT_DAYS = 7;
const CODE_ATTEMPTS = 5;

export interface Roles {
  addRole(person: Pick<Person, "channel" | "userId">, role: Role): Promise<void>;
  removeRole(person: Pick<Person, "channel" | "userId">, role: Role): Promise<void>;
}

export interface NewAppointment {
  level: StaffLevel;
  scope: StaffScope;
  name: string;
}

export type AppointResult = { ok: true; code: string; expiresAt: Date } | { ok: false; why: "outside-scope" };
export type RedeemResult =
  | { ok: true; member: StaffMember }
  | { ok: false; why: "not-found" | "used" | "expired" | "revoked" };

export interface StaffDirectory {
  /** The staff member behind an actor, or undefined when they are not (or no longer) staff. */
  get(actor: string): Promise<StaffMember | undefined>;
  appoint(by: StaffMember, appointment: NewAppointment): Promise<AppointResult>;
  redeem(code: string, person: Pick<Person, "channel" | "userId">): Promise<RedeemResult>;
  /** Staff whose scope lies within the viewer's, and the viewer's open appointments. */
  list(viewer: StaffMember): Promise<{ members: StaffMember[]; appointments: Appointment[] }>;
  change(viewer: StaffMember, actor: string, level: StaffLevel, scope: StaffScope): Promise<boolean>;
  revoke(viewer: StaffMember, actor: string): Promise<boolean>;
  revokeAppointment(viewer: StaffMember, code: string): Promise<boolean>;
  setAlerts(member: StaffMember, on: boolean): Promise<void>;
  /** Keeps the chat's display name for a member who has none yet (what colleagues see in lists). */
  nameIfMissing(member: StaffMember, displayName: string | undefined): Promise<void>;
  /** Staff with alerts on whose scope covers this school (province staff cover every school). */
  alertsFor(schoolCode: string | undefined): Promise<StaffMember[]>;
  /** What the staff record keeps about a person, for "Dữ liệu của tôi" (by channel and user, like every feature). */
  recordOf(person: Pick<Person, "channel" | "userId">): Promise<StaffMember | undefined>;
  /** Erases one's own staff record (Dữ liệu của tôi → Xoá hết); ADMIN_IDS stay staff. */
  forget(person: Pick<Person, "channel" | "userId">): Promise<number>;
}

export function createStaffDirectory(
  connection: Connection,
  deps: { adminIds: AdminId[]; roles: Roles; lock: RecordLock; scopes: ScopeResolver },
): StaffDirectory {
  const Staff = staffModel(connection);
  const Appointments = appointmentModel(connection);
  const admins = new Set(deps.adminIds.map((a) => `${a.channel}:${a.id}`));

  const toMember = (r: StaffRecord): StaffMember => ({
    actor: r._id,
    channel: r.channel,
    userId: r.userId,
    level: r.level,
    scope: r.scope,
    name: r.name,
    alerts: r.alerts,
  });
  const bootstrap = (actor: string): StaffMember => {
    const [channel, ...rest] = actor.split(":");
    return {
      actor,
      channel: channel as ChannelName,
      userId: rest.join(":"),
      level: "province",
      scope: { kind: "all" },
      name: "",
      alerts: true,
    };
  };
  const mayManage = (viewer: StaffMember, target: StaffMember) =>
    viewer.actor !== target.actor && deps.scopes.within(target.scope, viewer.scope);

  async function get(actor: string): Promise<StaffMember | undefined> {
    const record = await Staff.findById(actor).lean<StaffRecord>();
    // ADMIN_IDS are province staff whatever a record says: a changed setting takes effect at once.
    if (admins.has(actor))
      return { ...bootstrap(actor), ...(record ? { name: record.name, alerts: record.alerts } : {}) };
    return record ? toMember(record) : undefined;
  }

  async function newCode(by: StaffMember, appointment: NewAppointment): Promise<Appointment> {
    const expiresAt = new Date(Date.now() + APPOINTMENT_DAYS * 86_400_000);
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await Appointments.create({
          _id: humanCode("CB"),
          ...appointment,
          createdBy: by.actor,
          expiresAt,
        });
        return created.toObject();
      } catch (error) {
        if (!asDuplicateKey(error) || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  /** One setting of a member; ADMIN_IDS have no record until they change one. */
  async function save(member: StaffMember, settings: Partial<Pick<StaffRecord, "alerts" | "name">>) {
    const now = new Date();
    const initial = {
      channel: member.channel,
      userId: member.userId,
      level: member.level,
      scope: member.scope,
      name: member.name,
      alerts: member.alerts,
      appointedBy: "ADMIN_IDS",
      appointmentCode: "",
      createdAt: now,
    };
    for (const key of Object.keys(settings)) delete initial[key as keyof typeof initial];
    await Staff.updateOne(
      { _id: member.actor },
      { $set: { ...settings, updatedAt: now }, $setOnInsert: initial },
      { upsert: true },
    );
  }

  return {
    get,
    async appoint(by, appointment) {
      if (!(await deps.scopes.within(appointment.scope, by.scope)))
        return { ok: false, why: "outside-scope" };
      const created = await newCode(by, appointment);
      return { ok: true, code: created._id, expiresAt: created.expiresAt };
    },
    async redeem(code, person) {
      const actor = actorOf(person);
      const outcome = await deps.lock(`appointment:${code}`, async (): Promise<RedeemResult> => {
        const found = await Appointments.findById(code).lean<Appointment>();
        if (!found) return { ok: false, why: "not-found" };
        if (found.revokedAt) return { ok: false, why: "revoked" };
        if (found.usedBy && found.usedBy !== actor) return { ok: false, why: "used" };
        if (!found.usedBy && found.expiresAt.getTime() < Date.now()) return { ok: false, why: "expired" };
        const now = new Date();
        if (!found.usedBy)
          await Appointments.updateOne({ _id: code }, { $set: { usedBy: actor, usedAt: now } });
        const record = {
          channel: person.channel,
          userId: person.userId,
          level: found.level,
          scope: found.scope,
          name: found.name,
          appointedBy: found.createdBy,
          appointmentCode: code,
          updatedAt: now,
        };
        // Unconditional by _id, under the code's lease: a person appointed again takes the new role.
        await Staff.updateOne(
          { _id: actor },
          { $set: record, $setOnInsert: { alerts: true, createdAt: now } },
          { upsert: true },
        );
        return { ok: true, member: { actor, ...record, alerts: true } };
      });
      if (outcome.ok) {
        await deps.roles.addRole(person, "staff");
        return { ok: true, member: (await get(actor)) ?? outcome.member };
      }
      return outcome;
    },
    async list(viewer) {
      const records = await Staff.find({}).sort({ createdAt: -1 }).lean<StaffRecord[]>();
      const members: StaffMember[] = [];
      for (const record of records) {
        const member = toMember(record);
        if (member.actor === viewer.actor || (await deps.scopes.within(member.scope, viewer.scope)))
          members.push(member);
      }
      // trusted(): the app runs mongoose with sanitizeFilter, which would cast these operators away.
      const open = await Appointments.find({
        usedBy: trusted({ $exists: false }),
        revokedAt: trusted({ $exists: false }),
      })
        .sort({ createdAt: -1 })
        .lean<Appointment[]>();
      const appointments: Appointment[] = [];
      for (const appointment of open) {
        if (appointment.expiresAt.getTime() < Date.now()) continue;
        if (await deps.scopes.within(appointment.scope, viewer.scope)) appointments.push(appointment);
      }
      return { members, appointments };
    },
    async change(viewer, actor, level, scope) {
      const target = await get(actor);
      if (!target || admins.has(actor) || !(await mayManage(viewer, target))) return false;
      if (!(await deps.scopes.within(scope, viewer.scope))) return false;
      await Staff.updateOne({ _id: actor }, { $set: { level, scope, updatedAt: new Date() } });
      return true;
    },
    async revoke(viewer, actor) {
      const target = await get(actor);
      if (!target || admins.has(actor) || !(await mayManage(viewer, target))) return false;
      await Staff.deleteOne({ _id: actor });
      await deps.roles.removeRole(target, "staff");
      return true;
    },
    async revokeAppointment(viewer, code) {
      const found = await Appointments.findById(code).lean<Appointment>();
      if (!found || found.usedBy || !(await deps.scopes.within(found.scope, viewer.scope))) return false;
      await Appointments.updateOne({ _id: code }, { $set: { revokedAt: new Date() } });
      return true;
    },
    setAlerts: (member, alerts) => save(member, { alerts }),
    async nameIfMissing(member, displayName) {
      const name = displayName?.trim().slice(0, 80);
      if (!member.name && name) await save(member, { name });
    },
    async alertsFor(schoolCode) {
      // Every record, not only those with alerts on: an ADMIN_IDS member who turned alerts off
      // has a record saying so, and must not come back through the bootstrap below.
      const records = (await Staff.find({}).lean<StaffRecord[]>()).map(toMember);
      const known = new Set(records.map((m) => m.actor));
      const everyone = [...records, ...[...admins].filter((a) => !known.has(a)).map(bootstrap)];
      const covered: StaffMember[] = [];
      for (const member of everyone) {
        const current = admins.has(member.actor)
          ? { ...member, level: "province" as const, scope: { kind: "all" as const } }
          : member;
        if (current.alerts && (await deps.scopes.covers(current.scope, schoolCode))) covered.push(current);
      }
      return covered;
    },
    async recordOf(person) {
      const record = await Staff.findOne({
        channel: person.channel,
        userId: person.userId,
      }).lean<StaffRecord>();
      return record ? toMember(record) : undefined;
    },
    async forget(person) {
      return (await Staff.deleteMany({ channel: person.channel, userId: person.userId })).deletedCount;
    },
  };
}
