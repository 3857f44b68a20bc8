/**
 * One pino logger per process, built by main.ts from config (never at import time).
 * Redaction keeps tokens and secrets out of logs even when a whole object is logged.
 */
import { type Logger, pino } from "pino";

export type { Logger };

const REDACT = [
  "token",
  "*.token",
  "accessToken",
  "refreshToken",
  "*.accessToken",
  "*.refreshToken",
  "secret",
  "*.secret",
  "phone",
  "*.phone",
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-bot-api-secret-token"]',
  'req.headers["x-zevent-signature"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" } }, destination);
}

/** Credentials inside connection strings and bot URLs must never reach a log line. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, "//$1:***@").replace(/\/bot[^/]+\//, "/bot***/");
}
