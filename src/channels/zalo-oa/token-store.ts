/**
 * Where the OA's current token pair lives: one MongoDB document per app id in "zalo_oa_tokens",
 * shared by every instance. A refresh token works once, so a rotated pair replaces the stored one
 * only while the stored refresh token is still the one that was used (compare-and-set, no
 * transaction needed). The documents hold credentials: never log them.
 *
 * To add another store: implement ZaloOaTokenStore; the memory twin below is the smallest example.
 */
import { type Connection, Schema } from "mongoose";
import { modelOn } from "../../storage/model-on.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";

export interface StoredTokens {
  /** Empty until the first refresh after seeding. */
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working. */
  expiresAt: Date;
}

export interface ZaloOaTokenStore {
  load(): Promise<StoredTokens | undefined>;
  /** Keeps a first refresh token, only when nothing is stored for this app yet. */
  seed(refreshToken: string): Promise<void>;
  /** Replaces the pair if `usedRefreshToken` is still the stored one; false if someone else replaced it. */
  replace(usedRefreshToken: string, next: StoredTokens): Promise<boolean>;
}

interface TokenDocument extends StoredTokens {
  appId: string;
  updatedAt: Date;
}

const schema = new Schema<TokenDocument>(
  {
    appId: { type: String, required: true, unique: true },
    accessToken: { type: String, default: "" },
    refreshToken: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export function createMongoTokenStore(connection: Connection, appId: string): ZaloOaTokenStore {
  const Tokens = modelOn(connection, "ZaloOaToken", schema, "zalo_oa_tokens");
  // The unique index must exist before two instances seed at once, or both inserts would land.
  let indexed: Promise<unknown> | undefined;
  const ready = () => {
    indexed ??= Tokens.init();
    return indexed;
  };

  return {
    async load() {
      await ready();
      const doc = await Tokens.findOne({ appId }).lean<TokenDocument>();
      if (!doc) return undefined;
      return { accessToken: doc.accessToken ?? "", refreshToken: doc.refreshToken, expiresAt: doc.expiresAt };
    },
    async seed(refreshToken) {
      await ready();
      const fresh = { appId, refreshToken, accessToken: "", expiresAt: new Date(0), updatedAt: new Date() };
      try {
        await Tokens.updateOne({ appId }, { $setOnInsert: fresh }, { upsert: true });
      } catch (error) {
        // Another instance seeded in the same moment: its document is as good as ours.
        if (!asDuplicateKey(error)) throw error;
      }
    },
    async replace(usedRefreshToken, next) {
      await ready();
      const result = await Tokens.updateOne(
        { appId, refreshToken: usedRefreshToken },
        { $set: { ...next, updatedAt: new Date() } },
      );
      return result.matchedCount === 1;
    },
  };
}

/** For unit tests: the same contract in memory. */
export function createMemoryTokenStore(initial?: StoredTokens): ZaloOaTokenStore {
  let stored = initial ? { ...initial } : undefined;
  return {
    load: async () => (stored ? { ...stored } : undefined),
    async seed(refreshToken) {
      stored ??= { accessToken: "", refreshToken, expiresAt: new Date(0) };
    },
    async replace(usedRefreshToken, next) {
      if (stored?.refreshToken !== usedRefreshToken) return false;
      stored = { ...next };
      return true;
    },
  };
}
