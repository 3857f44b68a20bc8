/**
 * Who runs the programme: one record per staff member, keyed by the actor ("telegram:123") so
 * a lookup needs no second field, and the single-use appointment codes (CB-…) that make one.
 * ADMIN_IDS are province staff without a record (directory.ts adds them on the way out).
 */
import { type Connection, type Model, Schema } from "mongoose";
import type { StaffLevel, StaffMember, StaffScope } from "../../core/console.js";
import { modelOn } from "../../storage/model-on.js";

/** A staff member as stored: keyed by the actor, with who appointed them and when. */
export interface StaffRecord extends Omit<StaffMember, "actor"> {
  _id: string;
  appointedBy: string;
  appointmentCode: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Appointment {
  _id: string;
  level: StaffLevel;
  scope: StaffScope;
  /** What the appointer called the person, shown until they redeem it. */
  name: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy?: string;
  usedAt?: Date;
  revokedAt?: Date;
}

const scope = { type: Schema.Types.Mixed, required: true };

const staffSchema = new Schema<StaffRecord>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    level: { type: String, required: true },
    scope,
    name: { type: String, default: "", personal: true },
    alerts: { type: Boolean, default: true },
    appointedBy: { type: String, required: true },
    appointmentCode: { type: String, required: true },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { minimize: false },
);

const appointmentSchema = new Schema<Appointment>(
  {
    _id: { type: String, required: true },
    level: { type: String, required: true },
    scope,
    name: { type: String, default: "" },
    createdBy: { type: String, required: true, index: true },
    createdAt: { type: Date, default: () => new Date() },
    expiresAt: { type: Date, required: true },
    usedBy: String,
    usedAt: Date,
    revokedAt: Date,
  },
  { minimize: false },
);

export function staffModel(connection: Connection): Model<StaffRecord> {
  return modelOn(connection, "StaffMember", staffSchema, "staff_members");
}

export function appointmentModel(connection: Connection): Model<Appointment> {
  return modelOn(connection, "StaffAppointment", appointmentSchema, "staff_appointments");
}
