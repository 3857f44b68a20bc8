/**
 * Retries a store call that failed for a passing reason. FerretDB on SQLite answers concurrent
 * writers with "database is locked" (SQLITE_BUSY) instead of waiting; a network blip to MongoDB
 * looks alike. The write after a successful send matters most: losing it would turn a delivered
 * message into an "uncertain" one.
 */
import { setTimeout as delay } from "node:timers/promises";

const ATTEMPTS = 6;
const FIRST_DELAY_MS = 20;

export function isPassingStoreError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const name = (error as { name?: unknown }).name;
  const message = String((error as { message?: unknown }).message ?? "");
  if (name === "MongoNetworkError" || name === "MongoNetworkTimeoutError") return true;
  return /SQLITE_BUSY|database is locked/i.test(message);
}

export async function withStoreRetry<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isPassingStoreError(error)) throw error;
      // Jitter spreads writers that collided, so they do not collide again in step.
      await delay(FIRST_DELAY_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
