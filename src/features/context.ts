/**
 * What every feature is built from. app.ts makes one FeatureContext and calls each feature's
 * factory with it, so adding a feature is its own folder plus one line in app.ts
 * (docs/adding-a-feature.md).
 */
import type { Connection } from "mongoose";
import type { Config } from "../config.js";
import type { Feature } from "../core/feature.js";
import type { I18n } from "../core/i18n.js";
import type { RecordLock } from "../core/lock.js";
import type { Logger } from "../core/logger.js";
import type { ChannelDirectory } from "../core/sending/channel-registry.js";
import type { Reachability } from "../core/sending/reachability.js";
import type { Sender } from "../core/sending/sender.js";
import type { DeliveryEngine } from "../jobs/delivery-engine.js";
import type { Redis } from "../storage/redis.js";
import type { PeopleService } from "./people/service.js";
import type { SchoolService } from "./schools/service.js";
import type { StaffDirectory } from "./staff/directory.js";
import type { ScopeResolver } from "./staff/scope.js";

export interface FeatureContext {
  config: Config;
  mongo: Connection;
  redis: Redis;
  /** The app's Redis key prefix ("choem:"); tests give each app its own. */
  prefix: string;
  i18n: I18n;
  /** The lease under which a record changes once (docs/storage-and-ferretdb.md#atomicity). */
  lock: RecordLock;
  logger: Logger;
  /** Sends and notifies; see src/core/sending/sender.ts. */
  sender: Sender;
  /** The channels running: capabilities, the bot's deep links, file downloads. */
  channels: ChannelDirectory;
  reachability: Reachability;
  /** Register a broadcast topic here to send through the one delivery engine. */
  deliveries: DeliveryEngine;
  people: PeopleService;
  schools: SchoolService;
  /** Who is staff, at which level, over which schools (the console and staff commands ask it). */
  staff: StaffDirectory;
  /** The school codes a staff scope covers: every staff query is filtered by it. */
  staffScopes: ScopeResolver;
  fetch?: typeof fetch;
}

export type FeatureFactory = (ctx: FeatureContext) => Feature | Promise<Feature>;
