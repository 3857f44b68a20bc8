/**
 * The one place that reads the environment. Every variable operators may set (README.md,
 * "Configuration", and .env.example) is described here; a bad configuration stops start-up with
 * one message naming every problem.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";

const channelMode = z.enum(["webhook", "polling"]);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const url = (what: string) => z.url({ message: `must be a URL (${what})` });

const envSchema = z.object({
  MONGODB_URI: optionalText.describe("MongoDB connection string; a local server is started when unset"),
  REDIS_URL: optionalText.describe("Redis URL; a local server is started when unset"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe("HTTP port"),
  HOST: z
    .string()
    .trim()
    .min(1)
    .default("127.0.0.1")
    .describe("address the HTTP server binds; 0.0.0.0 in a container"),
  METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(9464)
    .describe("port of the Prometheus listener (/metrics), apart from the public one"),
  METRICS_HOST: z.string().trim().min(1).default("127.0.0.1").describe("address /metrics binds"),
  TRUST_PROXY: optionalText.describe(
    "proxies in front of ChoEm whose X-Forwarded-For is believed: true, a hop count, or addresses/CIDRs",
  ),
  PUBLIC_URL: optionalText.pipe(url("public base URL").optional()).describe("public base URL"),
  TELEGRAM_BOT_TOKEN: optionalText
    .pipe(
      z
        .string()
        .regex(/^\d+:[\w-]+$/, "must look like 123456:ABC-def (from @BotFather)")
        .optional(),
    )
    .describe("enables Telegram"),
  TELEGRAM_API_ROOT: url("Bot API base URL").default("https://api.telegram.org"),
  TELEGRAM_MODE: optionalText.pipe(channelMode.optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
      .optional(),
  ),
  ZALO_BOT_TOKEN: optionalText.describe("enables the Zalo Bot Platform channel"),
  ZALO_API_ROOT: url("Zalo Bot API base URL").default("https://bot-api.zaloplatforms.com"),
  ZALO_MODE: optionalText.pipe(channelMode.optional()),
  ZALO_WEBHOOK_SECRET: optionalText.pipe(z.string().min(8, "must be 8-256 characters").max(256).optional()),
  ZALO_OA_APP_ID: optionalText,
  ZALO_OA_SECRET_KEY: optionalText,
  ZALO_OA_REFRESH_TOKEN: optionalText,
  ZALO_OA_APP_SECRET: optionalText.describe(
    "the Zalo App's secret for OAuth, when it differs from the OA secret key",
  ),
  ZALO_OA_API_ROOT: url("Zalo OA API base URL").default("https://openapi.zalo.me"),
  ZALO_OA_OAUTH_ROOT: url("Zalo OAuth base URL").default("https://oauth.zaloapp.com"),
  CLIP_LINK_SECRET: optionalText.pipe(
    z.string().min(16, "must be at least 16 characters (signs the links to lesson clips)").optional(),
  ),
  ADMIN_IDS: z.string().default("").describe("bootstrap staff, e.g. telegram:123,zalo:abc"),
  DEFAULT_LOCALE: z.enum(["vi", "en"]).default("vi"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The web chat: "auto" serves it when no platform token is set; "on" beside the platforms too. */
  WEB_CHAT: z.enum(["auto", "on", "off"]).default("auto"),
  CHOEM_CACHE_DIR: optionalText.describe("where built helper binaries (FerretDB) are cached"),
  CHOEM_LOCAL_MONGO: z
    .enum(["auto", "sqlite", "postgresql"], { message: "must be auto, sqlite or postgresql" })
    .default("auto")
    .describe("the local FerretDB's storage when MONGODB_URI is unset; auto = PostgreSQL when installed"),
  VIETQR_BANK_BIN: optionalText
    .pipe(
      z
        .string()
        .regex(/^\d{6}$/, "must be the bank's 6-digit NAPAS BIN, e.g. 970436")
        .optional(),
    )
    .describe("bank of the programme's account, for VietQR transfers"),
  VIETQR_ACCOUNT_NUMBER: optionalText
    .pipe(
      z
        .string()
        .regex(/^[0-9A-Za-z]{1,19}$/, "must be 1-19 letters or digits, no spaces")
        .optional(),
    )
    .describe("the programme's account number"),
  VIETQR_ACCOUNT_NAME: optionalText
    .pipe(z.string().max(70, "must be at most 70 characters").optional())
    .describe("the account holder's name, as the bank shows it"),
  VIETQR_BANK_NAME: optionalText.describe("the bank's name shown to donors, e.g. Vietcombank"),
  HANDOVER_CONFIRM_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(7)
    .describe("days after a handover without the parent's confirmation before it stands out"),
});

export type ChannelMode = z.infer<typeof channelMode>;

/** The programme's bank account donors transfer to (VietQR); unset = staff send payment details. */
export interface VietQrConfig {
  bin: string;
  accountNumber: string;
  accountName: string;
  bankName: string | undefined;
}
export interface AdminId {
  channel: string;
  id: string;
}

export interface Config {
  mongodbUri: string | undefined;
  redisUrl: string | undefined;
  port: number;
  /** Where the public listener binds: loopback unless told otherwise (HOST=0.0.0.0 in containers). */
  host: string;
  /** The Prometheus listener, apart from the public one so scrapes never face the internet. */
  metrics: { host: string; port: number };
  /** Fastify's trustProxy: which X-Forwarded-For to believe for the client's address (rate limits). */
  trustProxy: boolean | number | string;
  publicUrl: string;
  telegram:
    | { token: string; apiRoot: string; mode: ChannelMode; webhookSecret: string | undefined }
    | undefined;
  zalo: { token: string; apiRoot: string; mode: ChannelMode; webhookSecret: string | undefined } | undefined;
  zaloOa:
    | {
        appId: string;
        /** The OA Secret Key: signs webhook events. */
        secretKey: string;
        /** The Zalo App's secret for OAuth; unset = the OA Secret Key is used (docs/platforms/zalo-oa.md §8). */
        appSecret: string | undefined;
        refreshToken: string | undefined;
        apiRoot: string;
        oauthRoot: string;
      }
    | undefined;
  adminIds: AdminId[];
  defaultLocale: "vi" | "en";
  logLevel: string;
  cacheDir: string | undefined;
  /** Which local MongoDB-wire server when MONGODB_URI is unset (docs/storage-and-ferretdb.md#local-servers). */
  localMongo: "auto" | "sqlite" | "postgresql";
  /** No platform token: the web chat is the way in. */
  webChatEnabled: boolean;
  vietqr: VietQrConfig | undefined;
  /** Signs links to lesson clips; a random one per process when running locally. */
  clipLinkSecret: string;
  /** A handover the parent has not confirmed after this many days is marked (docs/allocation.md#handover). */
  handoverConfirmDays: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

const ADMIN_ID = /^(telegram|zalo|zalo-oa):[\w-]+$/;

export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
    return { ok: false, message: formatProblems(problems) };
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const isLocal = /^https?:\/\/(localhost|127\.|\[::1\])/.test(publicUrl);
  const defaultMode: ChannelMode = isLocal ? "polling" : "webhook";

  const telegramMode = e.TELEGRAM_MODE ?? defaultMode;
  if (e.TELEGRAM_BOT_TOKEN && telegramMode === "webhook" && !e.TELEGRAM_WEBHOOK_SECRET) {
    problems.push("TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE is webhook");
  }
  const zaloMode = e.ZALO_MODE ?? defaultMode;
  if (e.ZALO_BOT_TOKEN && zaloMode === "webhook" && !e.ZALO_WEBHOOK_SECRET) {
    problems.push("ZALO_WEBHOOK_SECRET: required when ZALO_MODE is webhook");
  }
  if (Boolean(e.ZALO_OA_APP_ID) !== Boolean(e.ZALO_OA_SECRET_KEY)) {
    problems.push(
      "ZALO_OA_APP_ID, ZALO_OA_SECRET_KEY: set both to enable the Zalo Official Account, or neither",
    );
  }
  const vietqrSet = [e.VIETQR_BANK_BIN, e.VIETQR_ACCOUNT_NUMBER, e.VIETQR_ACCOUNT_NAME].filter(
    Boolean,
  ).length;
  if (vietqrSet !== 0 && vietqrSet !== 3) {
    problems.push(
      "VIETQR_BANK_BIN, VIETQR_ACCOUNT_NUMBER, VIETQR_ACCOUNT_NAME: set all three to show donors the bank account, or none",
    );
  }
  const adminIds: AdminId[] = [];
  for (const entry of e.ADMIN_IDS.split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (/^webchat\s*:/i.test(entry)) {
      // Anyone can open a web chat: its id names a conversation, never a person to trust.
      problems.push(
        `ADMIN_IDS: "${entry}" is refused: staff sign in via the staff console, never by a web chat id`,
      );
      continue;
    }
    if (!ADMIN_ID.test(entry)) {
      problems.push(`ADMIN_IDS: "${entry}" must be channel:id, e.g. telegram:123 or zalo:abc`);
      continue;
    }
    const [channel, id] = entry.split(":") as [string, string];
    adminIds.push({ channel, id });
  }
  if (!isLocal && !e.CLIP_LINK_SECRET) {
    problems.push("CLIP_LINK_SECRET: required behind a public URL (at least 16 random characters)");
  }
  if (e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT) {
    problems.push("METRICS_PORT: must differ from PORT (metrics are kept off the public listener)");
  }
  if (problems.length > 0) return { ok: false, message: formatProblems(problems) };

  const telegram = e.TELEGRAM_BOT_TOKEN
    ? {
        token: e.TELEGRAM_BOT_TOKEN,
        apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
        mode: telegramMode,
        webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
      }
    : undefined;
  const zalo = e.ZALO_BOT_TOKEN
    ? {
        token: e.ZALO_BOT_TOKEN,
        apiRoot: e.ZALO_API_ROOT.replace(/\/+$/, ""),
        mode: zaloMode,
        webhookSecret: e.ZALO_WEBHOOK_SECRET,
      }
    : undefined;
  const zaloOa =
    e.ZALO_OA_APP_ID && e.ZALO_OA_SECRET_KEY
      ? {
          appId: e.ZALO_OA_APP_ID,
          secretKey: e.ZALO_OA_SECRET_KEY,
          appSecret: e.ZALO_OA_APP_SECRET,
          refreshToken: e.ZALO_OA_REFRESH_TOKEN,
          apiRoot: e.ZALO_OA_API_ROOT.replace(/\/+$/, ""),
          oauthRoot: e.ZALO_OA_OAUTH_ROOT.replace(/\/+$/, ""),
        }
      : undefined;
  return {
    ok: true,
    config: {
      mongodbUri: e.MONGODB_URI,
      redisUrl: e.REDIS_URL,
      port: e.PORT,
      host: e.HOST,
      metrics: { host: e.METRICS_HOST, port: e.METRICS_PORT },
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
      publicUrl,
      telegram,
      zalo,
      zaloOa,
      adminIds,
      defaultLocale: e.DEFAULT_LOCALE,
      logLevel: e.LOG_LEVEL,
      cacheDir: e.CHOEM_CACHE_DIR,
      localMongo: e.CHOEM_LOCAL_MONGO,
      webChatEnabled: e.WEB_CHAT === "on" || (e.WEB_CHAT === "auto" && !telegram && !zalo && !zaloOa),
      // Local only: links signed with it stop working when the process restarts.
      clipLinkSecret: e.CLIP_LINK_SECRET ?? randomBytes(32).toString("hex"),
      handoverConfirmDays: e.HANDOVER_CONFIRM_DAYS,
      vietqr:
        e.VIETQR_BANK_BIN && e.VIETQR_ACCOUNT_NUMBER && e.VIETQR_ACCOUNT_NAME
          ? {
              bin: e.VIETQR_BANK_BIN,
              accountNumber: e.VIETQR_ACCOUNT_NUMBER,
              accountName: e.VIETQR_ACCOUNT_NAME,
              bankName: e.VIETQR_BANK_NAME,
            }
          : undefined,
    },
  };
}

/** "true"/"false", a number of hops, or a comma-separated list of addresses and CIDRs. */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function formatProblems(problems: string[]): string {
  return [
    "ChoEm cannot start: the configuration has problems.",
    ...problems.map((p) => `  - ${p}`),
    "Fix these environment variables (see .env.example) and start again.",
  ].join("\n");
}
