/**
 * Every message ChoEm sends goes through here: a turn's replies, notifications outside a turn,
 * and each delivery of a broadcast. The sender finds the channel, fills in the localized hints
 * shown under numbered choices, does not write to a chat known to have blocked the bot, records
 * a new block once (reachability.ts), counts each outcome, and never throws: whatever happens
 * ends as a SendOutcome (docs/conventions.md, "Errors").
 */
import type { I18n, Locale, Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { ChannelName, OutboundMessage, SendOptions, SendOutcome } from "../messages.js";
import type { Notify, Recipient } from "../notifier.js";
import type { RememberOffered } from "../offered-choices.js";
import type { ChannelDirectory } from "./channel-registry.js";
import type { Reachability } from "./reachability.js";

export interface Sender {
  /** One message to one chat, in the recipient's language. */
  send(to: Recipient, message: OutboundMessage, options?: SendOptions): Promise<SendOutcome>;
  /** Messages in order; stops at the first that does not go out and returns how it ended. */
  sendAll(to: Recipient, messages: OutboundMessage[]): Promise<SendOutcome>;
  /**
   * sendAll for the answers to a message the chat has just sent: it is reachable (the pipeline
   * has just cleared its block record), so the record is not read again.
   */
  reply(to: Recipient, messages: OutboundMessage[]): Promise<SendOutcome>;
  /** Tells a person something outside their own turn (a status change), composed in their language. */
  notify: Notify;
}

export interface SenderDeps {
  channels: ChannelDirectory;
  i18n: I18n;
  reachability: Reachability;
  logger: Logger;
  onOutcome?: (channel: ChannelName, outcome: SendOutcome["kind"]) => void;
  /** Choices a notification showed as numbered lines: the chat's menu from then on (offered-choices.ts). */
  rememberOffered?: RememberOffered;
}

const BLOCKED_EARLIER: SendOutcome = { kind: "blocked", reason: "blocked the bot earlier" };

export function createSender(deps: SenderDeps): Sender {
  const { i18n, reachability, logger } = deps;

  /** Fills in the localized hints channels show under numbered choices or on the phone button. */
  function decorate(message: OutboundMessage, locale: Locale): OutboundMessage {
    if (message.kind !== "text") return message;
    if (message.requestPhone)
      return { ...message, hint: message.hint ?? i18n.t(locale, "share-phone-button") };
    const count = message.choices?.flat().length ?? 0;
    if (count === 0 || message.hint) return message;
    return { ...message, hint: i18n.t(locale, "choices-hint", { count }) };
  }

  /** `reachable`: the caller already asked the reachability record for this chat. */
  async function attempt(
    to: Recipient,
    message: OutboundMessage,
    options: SendOptions | undefined,
    reachable: boolean,
  ): Promise<SendOutcome> {
    const channel = deps.channels.get(to.channel);
    if (!channel) return { kind: "unsupported", reason: `channel ${to.channel} is not running` };
    if (!reachable && (await reachability.isBlocked(to))) return BLOCKED_EARLIER;
    try {
      const outcome = await channel.send(to.chatId, decorate(message, to.locale), {
        ...options,
        language: to.locale,
      });
      if (outcome.kind === "blocked") await reachability.markBlocked(to);
      return outcome;
    } catch (error) {
      // Channels promise not to throw; if one does, the send may or may not have gone out.
      logger.error({ err: error, channel: to.channel }, "a channel's send threw");
      return { kind: "transient", reason: "send threw" };
    }
  }

  const counted = (to: Recipient, outcome: SendOutcome) => {
    deps.onOutcome?.(to.channel, outcome.kind);
    return outcome;
  };

  const send = async (to: Recipient, message: OutboundMessage, options?: SendOptions) =>
    counted(to, await attempt(to, message, options, false));

  async function sendAll(to: Recipient, messages: OutboundMessage[]): Promise<SendOutcome> {
    // One look at the record for the whole turn: a block found by a send below stops the rest.
    if (messages.length > 0 && (await reachability.isBlocked(to))) return counted(to, BLOCKED_EARLIER);
    return reply(to, messages);
  }

  async function reply(to: Recipient, messages: OutboundMessage[]): Promise<SendOutcome> {
    const messageIds: string[] = [];
    for (const message of messages) {
      const outcome = counted(to, await attempt(to, message, undefined, true));
      if (outcome.kind !== "sent") {
        logger.warn({ channel: to.channel, outcome: outcome.kind }, "message not delivered");
        return outcome;
      }
      messageIds.push(...outcome.messageIds);
    }
    return { kind: "sent", messageIds };
  }

  const notify: Notify = async (to, compose: (t: Translate) => OutboundMessage[]) => {
    const messages = compose(i18n.translator(to.locale));
    const outcome = await sendAll(to, messages);
    // Where choices are numbered lines, a typed number must mean the ones just sent.
    const offered = messages.flatMap((m) => (m.kind === "link" ? [] : (m.choices ?? []).flat()));
    const numbered = deps.channels.capabilitiesOf(to.channel)?.buttons === false;
    if (outcome.kind === "sent" && numbered && offered.length > 0 && deps.rememberOffered) {
      await deps.rememberOffered(to, offered).catch((error: unknown) => {
        logger.warn({ err: error, channel: to.channel }, "could not remember the choices offered");
      });
    }
  };

  return { send, sendAll, reply, notify };
}
