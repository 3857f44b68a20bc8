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
  return pino(
    { level, redact: { paths: REDACT, censor: "[redacted]" }, serializers: { req: requestForLog } },
    destination,
  );
}

/** The shape of a request Fastify logs; only what is used here. */
interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
}

/**
 * How a request appears in logs (Fastify's request logging takes it from this logger): the path
 * only. Query strings carry signatures (`/clips/…?sig=`) and other bearer values, and anyone who
 * reads a log must not be able to open the link it came from.
 */
export function requestForLog(request: LoggedRequest): Record<string, unknown> {
  return { method: request.method, url: pathOnly(request.url ?? ""), remoteAddress: request.ip };
}

export function pathOnly(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

/** Credentials inside connection strings and bot URLs must never reach a log line. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, "//$1:***@").replace(/\/bot[^/]+\//, "/bot***/");
}
