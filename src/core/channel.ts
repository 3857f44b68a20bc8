/**
 * A Channel connects ChoEm to one chat platform.
 *
 * To add one (see src/channels/telegram/ as the model):
 * 1. make src/channels/<name>/ with client.ts (HTTP, takes apiRoot and fetch), schemas.ts (zod),
 *    inbound.ts (payload → InboundMessage[] or ignored with a reason), render.ts (pure:
 *    OutboundMessage → platform calls) and adapter.ts (implements Channel below);
 * 2. fill in its Capabilities honestly: the core adapts choices and media to them;
 * 3. map every platform failure to a SendOutcome in one function;
 * 4. list it in src/app.ts; nothing registers itself on import;
 * 5. run the contract suite (test/channels/contract.test.ts) on it with a loopback fake.
 */
import type { FastifyPluginAsync } from "fastify";
import type { ChannelName, InboundMessage, OutboundMessage, SendOutcome } from "./messages.js";

export interface Capabilities {
  /** Tappable buttons; without them choices become numbered lines ("Trả lời 1, 2 hoặc 3"). */
  buttons: boolean;
  /** Longest text of one message, in UTF-16 units; longer texts are split. */
  maxTextLength: number;
  maxCaptionLength: number;
  /** How each kind of media goes out: natively, or as a link the person can open. */
  media: Record<"photo" | "video" | "document", "native" | "link">;
  /** A "share my phone number" button. */
  requestPhone: boolean;
  groups: boolean;
}

/** What the adapter hands each normalized update to; resolves when it has been handled. */
export type InboundHandler = (message: InboundMessage) => Promise<void>;

/** Why an update was not turned into a message; counted, never silently dropped. */
export interface Ignored {
  ignored: string;
}

export interface Channel {
  readonly name: ChannelName;
  readonly capabilities: Capabilities;
  send(chatId: string, message: OutboundMessage): Promise<SendOutcome>;
  /** Webhook (and page) routes, registered on the app's HTTP server. */
  routes?: FastifyPluginAsync;
  /** Long polling, when the channel runs in that mode. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** Everything an adapter needs from the app, given by src/app.ts. */
export interface ChannelDeps {
  onInbound: InboundHandler;
  onIgnored: (channel: ChannelName, reason: string) => void;
  logger: import("./logger.js").Logger;
  fetch?: typeof fetch;
}
