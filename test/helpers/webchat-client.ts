/**
 * A browser of the web chat, as far as the server can tell: one client address and the session
 * cookie the server gave it. The session is opened on first use, or given (a token made with
 * createWebChatSessions, when a test also needs the chat id to send to).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { OutboundMessage } from "../../src/core/messages.js";

export const WEBCHAT_COOKIE = "choem_webchat";

export interface WebChatEntry {
  id: string;
  from: "bot" | "user";
  clientId?: string;
  message: OutboundMessage;
}

export interface WebChatClient {
  readonly address: string;
  /** The cookie value, once the session is open. */
  token(): string | undefined;
  /** Opens the session (POST /webchat/api/session) unless it is open already. */
  open(): Promise<void>;
  /** Any request, with this client's cookie and address. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  post(body: object): Promise<LightMyRequestResponse>;
  /** The messages after the cursor; fails the test unless the server answers 200. */
  poll(after?: string, wait?: boolean): Promise<WebChatEntry[]>;
  /**
   * What the page shows, as the page does it: the whole conversation, and when it ends (erased)
   * the farewell the server left, then a new conversation after it.
   */
  transcript(): Promise<WebChatEntry[]>;
}

let addresses = 0;
/** A fresh client address, so the per-address limit on new sessions never joins two tests. */
export function nextAddress(): string {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

export function webChatClient(
  app: FastifyInstance,
  options: { token?: string; address?: string } = {},
): WebChatClient {
  let token = options.token;
  const address = options.address ?? nextAddress();
  const open = async () => {
    if (token) return;
    const response = await app.inject({
      method: "POST",
      url: "/webchat/api/session",
      payload: {},
      remoteAddress: address,
    });
    if (response.statusCode !== 201) throw new Error(`session answered ${response.statusCode}`);
    token = response.cookies.find((c) => c.name === WEBCHAT_COOKIE)?.value;
    if (!token) throw new Error("the session answer set no cookie");
  };
  const inject = async (request: InjectOptions) => {
    await open();
    return app.inject({ ...request, remoteAddress: address, cookies: { [WEBCHAT_COOKIE]: token! } });
  };
  // Conversations that ended, with their farewell, as the page keeps them on screen.
  const ended: WebChatEntry[] = [];
  let current: WebChatEntry[] = [];
  return {
    address,
    token: () => token,
    open,
    inject,
    post: (body) => inject({ method: "POST", url: "/webchat/api/messages", payload: body }),
    async poll(after = "0", wait = false) {
      const response = await inject({ url: `/webchat/api/messages?after=${after}${wait ? "&wait=1" : ""}` });
      if (response.statusCode !== 200) throw new Error(`poll answered ${response.statusCode}`);
      return response.json<{ messages: WebChatEntry[] }>().messages;
    },
    async transcript() {
      if (!token) return [...ended];
      const response = await inject({ url: "/webchat/api/messages?after=0" });
      if (response.statusCode === 401) {
        const { farewell } = response.json<{ farewell?: string }>();
        ended.push(...current);
        if (farewell) ended.push({ id: "farewell", from: "bot", message: { kind: "text", text: farewell } });
        current = [];
        token = undefined;
        return [...ended];
      }
      if (response.statusCode !== 200) throw new Error(`poll answered ${response.statusCode}`);
      current = response.json<{ messages: WebChatEntry[] }>().messages;
      return [...ended, ...current];
    },
  };
}
