/**
 * Platforms deliver some updates more than once (webhook retries, polling replays). The first
 * delivery claims the id for 24 h; later ones are dropped.
 */
export const SEEN_KEEP_SECONDS = 24 * 60 * 60;

/** `key` is "<channel>:<updateId>". The pipeline claims it in its first script (inbound-gate.ts). */
export const seenKey = (prefix: string, key: string) => `${prefix}seen:${key}`;
