/**
 * Every inbound message goes through here: dropped if seen before, limited per sender (what
 * comes too fast in a private chat is held and handled when the window opens), then handled
 * under the chat's lock with its session, and the replies sent. One boundary catches bugs, logs
 * them with the update id and channel, and says sorry in the person's language.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { SEEN_KEEP_SECONDS, seenKey } from "./dedupe.js";
import { createHeldMessages } from "./held-messages.js";
import { createReleases } from "./held-releases.js";
import { type I18n, type Locale, matchLocale } from "./i18n.js";
import { enter, type Held, retake, type TurnKeys } from "./inbound-gate.js";
import { LOCK_DEFAULTS, releaseLock, waitForLease } from "./lock.js";
import type { Logger } from "./logger.js";
import type { ChannelName, InboundMessage, OutboundMessage } from "./messages.js";
import type { People } from "./person.js";
import { type RateLimit, senderRateKey, verdictOf } from "./rate-limit.js";
import type { Router } from "./router.js";
import type { ChannelDirectory } from "./sending/channel-registry.js";
import { blockedKey, type Reachability } from "./sending/reachability.js";
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
  /** Releases what a stopped instance was holding for people who wrote too fast. */
  start(): Promise<void>;
  /** Stops the release timers (what is held stays in Redis for the next start). */
  stop(): void;
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const { redis, prefix, i18n, logger, sender } = deps;

  async function send(channel: ChannelName, chatId: string, locale: Locale, messages: OutboundMessage[]) {
    await sender.reply({ channel, chatId, locale }, messages);
  }

  const held = createHeldMessages(redis, prefix);
  const releases = createReleases({
    held,
    logger,
    windowLeftMs: (sender) => redis.pttl(senderRateKey(prefix, sender.channel, sender.userId)),
    // A held message comes back under an id of its own (its arrival is already marked seen);
    // it is taken from Redis by one taker only, so the new id cannot let it through twice.
    handleAgain: (message) => receive({ ...message, updateId: `${message.updateId}~${randomUUID()}` }, true),
  });

  async function handleLocked(message: InboundMessage, lease: Held): Promise<void> {
    const capabilities = deps.channels.capabilitiesOf(message.channel);
    if (!capabilities) throw new Error(`channel ${message.channel} is not running`);
    const chatKey = `${message.channel}:${message.chatId}`;
    const firstLocale = matchLocale(message.languageCode) ?? i18n.defaultLocale;
    // The person's keys were read with the lock (inbound-gate.ts); without them, identify reads.
    const prefetch = deps.people.prefetch;
    const person =
      prefetch && lease.person
        ? await prefetch.identifyFrom(message.channel, message.userId, firstLocale, lease.person)
        : await deps.people.identify(message.channel, message.userId, firstLocale);
    const session = deps.sessions.parse(lease.session);
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
    } catch (error) {
      // Save what was understood even if a later step failed: nothing typed is lost. A person
      // just erased has no session to save.
      if (!turn.forgotten) await deps.sessions.save(chatKey, turn.session);
      throw error;
    }
    // The session's write is sent before the replies and awaited with them: its round trip
    // overlaps the sending, and what was typed is written even if sending fails.
    const saved = turn.forgotten ? undefined : deps.sessions.save(chatKey, turn.session);
    const [wrote, sent] = await Promise.allSettled([
      saved,
      send(message.channel, message.chatId, turn.locale, turn.replies),
    ]);
    if (wrote.status === "rejected") throw wrote.reason;
    if (sent.status === "rejected") throw sent.reason;
  }

  /** `released`: a held message handed back; if the window is full again, the caller keeps it. */
  async function receive(raw: InboundMessage, released = false): Promise<InboundOutcome> {
    const message = normalized(raw);
    const content = message.content.kind;
    const chatKey = `${message.channel}:${message.chatId}`;
    const takeTurn = content !== "blocked" && content !== "unblocked";
    const turnKeys: TurnKeys = {
      // One update of a chat at a time, across every instance: Telegram queues button presses
      // apart from messages, so two updates of one chat can arrive together
      // (docs/platforms/telegram.md §3).
      lock: `${prefix}lock:${chatKey}`,
      session: deps.sessions.keyOf(chatKey),
      token: randomUUID(),
      holdMs: LOCK_DEFAULTS.holdMs,
    };
    const personKeys = takeTurn ? deps.people.prefetch?.keys(message.channel, message.userId) : undefined;
    if (personKeys) turnKeys.person = personKeys;
    // Dedupe, reachability, rate and the chat lock in one round trip (inbound-gate.ts).
    const entry = await enter(redis, {
      ...turnKeys,
      seen: seenKey(prefix, `${message.channel}:${message.updateId}`),
      seenSeconds: SEEN_KEEP_SECONDS,
      // Keyed by the sender everywhere, groups included: one noisy member is slowed down, never
      // the rest of the group, and their allowance is the same wherever they write.
      ...(isRateCounted(message)
        ? { rate: { key: senderRateKey(prefix, message.channel, message.userId), ...deps.rateLimit } }
        : {}),
      // Anything from the chat but a block, even over the limit, shows it is reachable again.
      ...(content === "blocked" ? {} : { unblock: { hash: blockedKey(prefix), field: chatKey } }),
      takeTurn,
    });
    if (entry.kind === "duplicate") return counted(message, "duplicate");
    // A block is a fact about reachability and nothing else: no turn, no reply. Rare, so its
    // own round trip.
    if (content === "blocked") await deps.reachability.markBlocked(message);
    if (entry.kind === "over") {
      // In a group the polite answer would talk over the parents' chat: a command sent there
      // too fast is dropped quietly. In private it is held, and the person told once.
      if (message.chatKind !== "private") return counted(message, "rate-limited");
      if (!released) await held.keep(raw);
      releases.schedule(message);
      if (!released && verdictOf(entry.count, deps.rateLimit) === "first-over") {
        const session = await deps.sessions.load(chatKey);
        const locale = session.locale ?? matchLocale(message.languageCode) ?? i18n.defaultLocale;
        await send(message.channel, message.chatId, locale, [
          { kind: "text", text: i18n.t(locale, "rate-limited") },
        ]);
      }
      return counted(message, "rate-limited");
    }
    if (entry.kind === "no-turn") return counted(message, "handled");
    try {
      // Taken in the first round trip unless another update of the chat holds it: then waited
      // for as withLock() waits, each try reading the chat's state with the lock.
      const lease =
        entry.kind === "turn"
          ? entry
          : await waitForLease(turnKeys.lock, LOCK_DEFAULTS.waitMs, () => retake(redis, turnKeys), true);
      try {
        await handleLocked(message, lease);
      } finally {
        await releaseLock(redis, turnKeys.lock, turnKeys.token);
      }
      return counted(message, "handled");
    } catch (error) {
      logger.error(
        { err: error, channel: message.channel, updateId: message.updateId, content: message.content.kind },
        "failed to handle an update",
      );
      await sorry(message).catch((err) => logger.warn({ err }, "could not send the apology either"));
      return counted(message, "error");
    }
  }

  function counted(message: InboundMessage, outcome: InboundOutcome): InboundOutcome {
    deps.onOutcome?.(message.channel, outcome);
    return outcome;
  }

  async function sorry(message: InboundMessage): Promise<void> {
    if (message.chatKind === "group") return;
    const session = await deps.sessions.load(`${message.channel}:${message.chatId}`);
    const locale = session.locale ?? matchLocale(message.languageCode) ?? i18n.defaultLocale;
    await send(message.channel, message.chatId, locale, [
      { kind: "text", text: i18n.t(locale, "error-sorry") },
    ]);
  }

  return {
    async handle(message) {
      await receive(message);
    },
    start: () => releases.start(),
    stop: () => releases.stop(),
  };
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
    return { ...message, content: { ...content, value: stripUnsafe(content.value) } };
  return message;
}
