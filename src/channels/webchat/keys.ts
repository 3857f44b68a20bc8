/**
 * Every Redis key the web chat writes, in one place: a session and what it keeps (history,
 * seen ids, media) are found from the chat id alone, so forgetting a chat misses nothing
 * (docs/architecture.md#web-chat-sessions).
 */
export interface WebChatKeys {
  session(chatId: string): string;
  outbox(chatId: string): string;
  seen(chatId: string): string;
  /** The ids of the chat's media, so they can be erased with it. */
  mediaOf(chatId: string): string;
  media(chatId: string, id: string): string;
  newSessions(address: string): string;
  /** The last words for the browser of an erased chat, under its secret's digest (never the chat id). */
  farewell(digest: string): string;
  notify: string;
}

export function webChatKeys(keyPrefix = ""): WebChatKeys {
  const p = `${keyPrefix}webchat:`;
  return {
    session: (chatId) => `${p}session:${chatId}`,
    outbox: (chatId) => `${p}out:${chatId}`,
    seen: (chatId) => `${p}seen:${chatId}`,
    mediaOf: (chatId) => `${p}media-of:${chatId}`,
    media: (chatId, id) => `${p}media:${chatId}:${id}`,
    newSessions: (address) => `${p}new-sessions:${address}`,
    farewell: (digest) => `${p}farewell:${digest}`,
    notify: `${p}notify`,
  };
}
