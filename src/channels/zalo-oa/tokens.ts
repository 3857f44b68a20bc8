/**
 * Keeps a working OA access token for every instance (OAuth v4, docs/platforms/zalo-oa.md §8). Access
 * tokens last about 25 h; a refresh token works once and each refresh invalidates the previous
 * access token, so exactly one instance may refresh at a time: it holds a Redis lock (token plus
 * expiry), writes the new pair to the store, and the others wait for the lock and re-read the store.
 * A failed refresh logs an error and turns isHealthy() false, for /readyz and the operator.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { Logger } from "../../core/logger.js";
import type { OaError, ZaloOaClient } from "./client.js";
import type { StoredTokens, ZaloOaTokenStore } from "./token-store.js";

export type TokenResult = { ok: true; token: string } | { ok: false; reason: string };

export interface ZaloOaTokens {
  /** A usable access token, refreshed first when less than an hour of it is left. */
  accessToken(): Promise<TokenResult>;
  /** After Zalo refused `rejected`: a newer token, refreshing unless another instance already did. */
  renew(rejected: string): Promise<TokenResult>;
  /** False from a failed refresh until the next successful one. */
  isHealthy(): boolean;
}

export interface ZaloOaTokensOptions {
  appId: string;
  /** ZALO_OA_REFRESH_TOKEN: used only while nothing is stored for this app. */
  envRefreshToken: string | undefined;
  client: Pick<ZaloOaClient, "refreshAccessToken">;
  store: ZaloOaTokenStore;
  redis: Redis;
  keyPrefix?: string;
  logger: Logger;
}

const REFRESH_MARGIN_MS = 60 * 60 * 1000;
/** Outlasts the refresh call's own timeout, so the lock cannot lapse while a refresh is in flight. */
const LOCK_HOLD_MS = 30_000;
const LOCK_WAIT_MS = 40_000;
/** After a failure, sends fail fast for a while instead of each one calling OAuth again. */
const PAUSE_AFTER_FAILURE_MS = 30_000;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export function createZaloOaTokens(options: ZaloOaTokensOptions): ZaloOaTokens {
  const { store, redis, logger: log, appId } = options;
  const lockKey = `${options.keyPrefix ?? ""}zalo-oa:token-lock:${appId}`;
  let cached: StoredTokens | undefined;
  let running: Promise<TokenResult> | undefined;
  let healthy = true;
  let failedAt = Number.NEGATIVE_INFINITY;

  /** The tokens if their access token is not `rejected` and lasts `marginMs` more; else undefined. */
  const usable = (tokens: StoredTokens | undefined, rejected: string | undefined, marginMs: number) =>
    tokens &&
    tokens.accessToken !== "" &&
    tokens.accessToken !== rejected &&
    tokens.expiresAt.getTime() - Date.now() > marginMs
      ? tokens
      : undefined;
  const fresh = (tokens: StoredTokens | undefined, rejected?: string) =>
    usable(tokens, rejected, REFRESH_MARGIN_MS);
  const valid = (tokens: StoredTokens | undefined, rejected?: string) => usable(tokens, rejected, 0);

  function use(tokens: StoredTokens): TokenResult {
    cached = tokens;
    return { ok: true, token: tokens.accessToken };
  }

  /** One settle per process at a time; callers arriving meanwhile share its answer. */
  function obtain(rejected?: string): Promise<TokenResult> {
    running ??= settle(rejected).finally(() => {
      running = undefined;
    });
    return running;
  }

  async function settle(rejected?: string): Promise<TokenResult> {
    if (Date.now() - failedAt < PAUSE_AFTER_FAILURE_MS) {
      const stillValid = valid(cached, rejected);
      return stillValid ? use(stillValid) : { ok: false, reason: "the last token refresh failed" };
    }
    try {
      const deadline = Date.now() + LOCK_WAIT_MS;
      for (;;) {
        const stored = await loadOrSeed();
        if (!stored)
          return failed("no refresh token: set ZALO_OA_REFRESH_TOKEN to one from the OA's authorisation");
        const current = fresh(stored, rejected);
        if (current) return use(current);
        const lock = randomUUID();
        if ((await redis.set(lockKey, lock, "PX", LOCK_HOLD_MS, "NX")) === "OK") {
          try {
            return await refreshLocked(rejected);
          } finally {
            await redis.eval(RELEASE, 1, lockKey, lock);
          }
        }
        if (Date.now() > deadline)
          return { ok: false, reason: "another instance is still refreshing the token" };
        await waitForUnlock(deadline);
      }
    } catch (err) {
      // MongoDB or Redis is down: /readyz already reports that, so health stays as it is.
      log.error({ err: String(err), appId }, "Zalo OA tokens could not be read or locked");
      const stillValid = valid(cached, rejected);
      return stillValid ? use(stillValid) : { ok: false, reason: "token store unavailable" };
    }
  }

  async function loadOrSeed(): Promise<StoredTokens | undefined> {
    const stored = await store.load();
    if (stored || !options.envRefreshToken) return stored;
    await store.seed(options.envRefreshToken);
    log.info({ appId }, "Zalo OA: stored the first refresh token from ZALO_OA_REFRESH_TOKEN");
    return store.load();
  }

  async function refreshLocked(rejected?: string): Promise<TokenResult> {
    // Re-read under the lock: the previous holder may have just stored a new pair.
    const stored = await store.load();
    if (!stored) return failed("the stored tokens disappeared during the refresh");
    const current = fresh(stored, rejected);
    if (current) return use(current);
    const refreshed = await options.client.refreshAccessToken(stored.refreshToken);
    if (!refreshed.ok) {
      const result = failed(adviceFor(refreshed.error), refreshed.error);
      // The old access token still works until it expires; keep sending with it meanwhile.
      const stillValid = valid(stored, rejected);
      return stillValid ? use(stillValid) : result;
    }
    const { accessToken, refreshToken, expiresInSeconds } = refreshed.result;
    const next = { accessToken, refreshToken, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
    if (!(await store.replace(stored.refreshToken, next))) {
      log.error(
        { appId },
        "Zalo OA: the stored tokens changed during a refresh; this instance keeps its new pair",
      );
    }
    healthy = true;
    failedAt = Number.NEGATIVE_INFINITY;
    log.info({ appId, expiresAt: next.expiresAt.toISOString() }, "Zalo OA access token refreshed");
    return use(next);
  }

  function failed(advice: string, error?: OaError): TokenResult {
    healthy = false;
    failedAt = Date.now();
    log.error(
      {
        appId,
        error: error ? { kind: error.kind, code: error.code, description: error.description } : undefined,
      },
      `Zalo OA token refresh failed: ${advice}`,
    );
    return { ok: false, reason: advice };
  }

  async function waitForUnlock(deadline: number): Promise<void> {
    let delay = 10;
    while (Date.now() < deadline && (await redis.exists(lockKey)) === 1) {
      await sleep(delay);
      delay = Math.min(delay * 2, 200);
    }
  }

  return {
    accessToken() {
      const current = fresh(cached);
      return current ? Promise.resolve(use(current)) : obtain();
    },
    async renew(rejected) {
      const first = await obtain(rejected);
      // A settle already running when Zalo refused the token may hand that same token back.
      return first.ok && first.token === rejected ? obtain(rejected) : first;
    },
    isHealthy: () => healthy,
  };
}

function adviceFor(error: OaError): string {
  if (error.kind === "api") {
    return "Zalo refused the refresh token (used already, expired after 3 months, or the app lost the OA's permission); an OA admin must authorise the app again, then replace this app's document in zalo_oa_tokens (delete it and set ZALO_OA_REFRESH_TOKEN)";
  }
  return "Zalo OAuth did not answer properly; the next send will try again";
}
