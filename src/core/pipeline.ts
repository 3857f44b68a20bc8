/**
 * Every inbound message goes through here: dropped if seen before, limited per sender, then
 * handled under the chat's lock with its session, and the replies sent. One boundary catches
 * bugs, logs them with the update id and channel, and says sorry in the person's language.
 */
import type { Redis } from "ioredis";
import { claimUpdate } from "./dedupe.js";
import { type I18n, type Locale, matchLocale } from "./i18n.js";
import { withLock } from "./lock.js";
import type { Logger } from "./logger.js";
import type { ChannelName, InboundMessage, OutboundMessage } from "./messages.js";
import type { People } from "./person.js";
import { checkRate, type RateLimit, senderRateKey } from "./rate-limit.js";
import type { Router } from "./router.js";
import type { ChannelDirectory } from "./sending/channel-registry.js";
import type { Reachability } from "./sending/reachability.js";
import type { Sender } from "./sending/sender.js";
import type { SessionStore } from "./session-store.js";
import { normalizeCommand, normalizeInput } from "./text/normalize-input.js";
import { stripUnsafe } from "./text/strip-unsafe.js";
import type { Turn } from "./turn.js";

export type InboundOutcome = "handled" | "duplicate" | "rate-limited" | "error";

export interface PipelineDeps {
  redis: Redis;
  prefix: string;
  i18n: I18n;
  people: People;
  sessions: SessionStore;
  router: Router;
  channels: ChannelDirectory;
  sender: Sender;
  reachability: Reachability;
  logger: Logger;
  rateLimit: RateLimit;
  onOutcome?: (channel: ChannelName, outcome: InboundOutcome) => void;
}

export interface Pipeline {
  handle(message: InboundMessage): Promise<void>;
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const { redis, prefix, i18n, logger, sender } = deps;

  async function send(channel: ChannelName, chatId: string, locale: Locale, messages: OutboundMessage[]) {
    await sender.reply({ channel, chatId, locale }, messages);
  }

  async function handleLocked(message: InboundMessage): Promise<void> {
    const capabilities = deps.channels.capabilitiesOf(message.channel);
    if (!capabilities) throw new Error(`channel ${message.channel} is not running`);
    const chatKey = `${message.channel}:${message.chatId}`;
    const firstLocale = matchLocale(message.languageCode) ?? i18n.defaultLocale;
    // Two independent reads, one round trip of waiting instead of two: every message pays it.
    const [person, session] = await Promise.all([
      deps.people.identify(message.channel, message.userId, firstLocale),
      deps.sessions.load(chatKey),
    ]);
    const locale = session.locale ?? person.locale;
    const turn: Turn = {
      message,
      person,
      locale,
      t: i18n.translator(locale),
      session,
      capabilities,
      replies: [],
    };
    try {
      await deps.router.handle(turn);
    } finally {
      // Save what was understood even if a later step failed: nothing typed is lost. A person
      // just erased has no session to save.
      if (!turn.forgotten) await deps.sessions.save(chatKey, turn.session);
    }
    await send(message.channel, message.chatId, turn.locale, turn.replies);
  }

  async function handle(raw: InboundMessage): Promise<void> {
    const message = normalized(raw);
    const updateKey = `${message.channel}:${message.updateId}`;
    if (!(await claimUpdate(redis, prefix, updateKey))) {
      deps.onOutcome?.(message.channel, "duplicate");
      return;
    }
    // The rate and reachability are independent: asked together, one round trip of waiting.
    // A block or unblock is a fact about reachability and nothing else: no turn, no reply.
    // Anything else from the chat, even over the limit, shows it is reachable again.
    const content = message.content.kind;
    const [verdict] = await Promise.all([
      // Keyed by the sender everywhere, groups included: one noisy member is slowed down, never
      // the rest of the group, and their allowance is the same wherever they write.
      isRateCounted(message)
        ? checkRate(redis, senderRateKey(prefix, message.channel, message.userId), deps.rateLimit)
        : ("allowed" as const),
      content === "blocked" ? deps.reachability.markBlocked(message) : deps.reachability.clear(message),
    ]);
    if (verdict !== "allowed") {
      deps.onOutcome?.(message.channel, "rate-limited");
      // In a group the polite answer would talk over the parents' chat: dropped quietly.
      if (verdict === "first-over" && message.chatKind === "private") {
        const locale = matchLocale(message.languageCode) ?? i18n.defaultLocale;
        await send(message.channel, message.chatId, locale, [
          { kind: "text", text: i18n.t(locale, "rate-limited") },
        ]);
      }
      return;
    }
    if (content === "blocked" || content === "unblocked") {
      deps.onOutcome?.(message.channel, "handled");
      return;
    }
    try {
      // One update of a chat at a time, across every instance: Telegram queues button presses
      // apart from messages, so two updates of one chat can arrive together
      // (docs/platforms/telegram.md §3).
      await withLock(redis, `${prefix}lock:${message.channel}:${message.chatId}`, () =>
        handleLocked(message),
      );
      deps.onOutcome?.(message.channel, "handled");
    } catch (error) {
      deps.onOutcome?.(message.channel, "error");
      logger.error(
        { err: error, channel: message.channel, updateId: message.updateId, content: message.content.kind },
        "failed to handle an update",
      );
      await sorry(message).catch((err) => logger.warn({ err }, "could not send the apology either"));
    }
  }

  async function sorry(message: InboundMessage): Promise<void> {
    if (message.chatKind === "group") return;
    const session = await deps.sessions.load(`${message.channel}:${message.chatId}`);
    const locale = session.locale ?? matchLocale(message.languageCode) ?? i18n.defaultLocale;
    await send(message.channel, message.chatId, locale, [
      { kind: "text", text: i18n.t(locale, "error-sorry") },
    ]);
  }

  return { handle };
}

/**
 * What counts against a person's limit: everything they send privately (blocks aside, which are
 * the platform's news), and in groups their commands, the only thing the bot answers there;
 * ordinary talk in the group is not addressed to the bot and must not use the allowance up.
 */
function isRateCounted(message: InboundMessage): boolean {
  if (message.chatKind === "group") return message.content.kind === "command";
  return message.content.kind !== "blocked";
}

/**
 * One form of every text whatever the keyboard sent: no control or bidi characters, NFC, trimmed,
 * spaces collapsed, capped. Commands are capped too, on every channel (normalize-input.ts).
 */
function normalized(message: InboundMessage): InboundMessage {
  const content = message.content;
  if (content.kind === "text")
    return { ...message, content: { kind: "text", text: normalizeInput(content.text) } };
  if (content.kind === "command") {
    const command = normalizeCommand(content.command);
    return { ...message, content: { ...content, command, args: normalizeInput(content.args, 200) } };
  }
  // A caption becomes a lesson's title or text: the same rules as any free text.
  if (
    (content.kind === "photo" || content.kind === "video" || content.kind === "document") &&
    content.caption
  )
    return { ...message, content: { ...content, caption: normalizeInput(content.caption) } };
  if (content.kind === "choice")
    return { ...message, content: { kind: "choice", value: stripUnsafe(content.value) } };
  return message;
}
