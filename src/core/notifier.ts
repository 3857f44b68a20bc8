/** Sends to a person outside of their own turn (a status change), in their channel and language. */
import type { Locale, Translate } from "./i18n.js";
import type { ChannelName, OutboundMessage } from "./messages.js";

export interface Recipient {
  channel: ChannelName;
  chatId: string;
  locale: Locale;
}

export type Notify = (to: Recipient, compose: (t: Translate) => OutboundMessage[]) => Promise<void>;
