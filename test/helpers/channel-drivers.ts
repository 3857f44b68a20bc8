/**
 * Drive the whole app as a person would on each channel: post platform updates to the webhook
 * (or the web chat's API) and read what reached the fake platform. One script runs on all three.
 * A person can only tap what the bot offered, so choose() and pick() throw when the wanted
 * option is not there, instead of typing its label and letting the dialog's text fallback hide
 * a missing button.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { FakeTelegramApi } from "../fakes/telegram-api.js";
import { telegramUpdate } from "../fakes/telegram-api.js";
import type { FakeZaloApi } from "../fakes/zalo-api.js";
import { zaloUpdate } from "../fakes/zalo-api.js";
import { type FakeZaloOaApi, OA_PATHS, oaEvent, postEvent } from "../fakes/zalo-oa-api.js";
import { type WebChatClient, webChatClient } from "./webchat-client.js";

export interface Driver {
  name: string;
  /** Choices come as buttons (Telegram, web chat), not as numbered lines (Zalo): nav words too. */
  buttons: boolean;
  say(text: string): Promise<string>;
  /**
   * Taps the option labelled `label` (or the only one whose label contains it) among those the
   * bot offered in reply to the last step; throws, naming what was on offer, when there is none.
   */
  choose(label: string): Promise<string>;
  /** Several options of a multi-choice question, finishing the question. Throws like choose. */
  pick(labels: string[]): Promise<string>;
  sharePhone(phone: string): Promise<string>;
  /** Sends the previous update again, as a platform retry would; returns what that produced. */
  replayLast(): Promise<string>;
}

/**
 * Something a person can tap. `value` is what goes back to the bot: callback data, a web chat
 * choice's value, the number of a numbered line, or (`typed`) the label itself, as a Telegram
 * reply-keyboard button sends it.
 */
export interface Option {
  label: string;
  value: string;
  typed?: boolean;
  /** The message that carries the button (Telegram), which a press names. */
  messageId?: number;
}

interface Reply {
  text: string;
  options: Option[];
}

/** The option `label` names: an exact label first, else the only label containing it. */
export function optionFor(channel: string, label: string, offered: Option[]): Option {
  const exact = offered.filter((o) => o.label === label);
  const matches = exact.length > 0 ? exact : offered.filter((o) => o.label.includes(label));
  if (matches.length === 1) return matches[0]!;
  const list = offered.length > 0 ? offered.map((o) => `"${o.label}"`).join(", ") : "nothing";
  const problem = matches.length === 0 ? "no option" : "more than one option";
  throw new Error(`${channel}: ${problem} "${label}" to tap; on offer: ${list}`);
}

/** Buttons stay tappable on every message of a step: all of them are on offer. */
const allButtons = (step: Reply[]) => step.flatMap((r) => r.options);
/** A number only means something against the latest numbered list. */
const latestList = (step: Reply[]) => step.findLast((r) => r.options.length > 0)?.options ?? [];

function driverOver(
  post: (body: unknown) => Promise<void>,
  replies: () => Promise<Reply[]>,
  offeredIn: (step: Reply[]) => Option[],
) {
  // Replies from before this driver's first step (an earlier driver on the same chat) are not its.
  let seen: number | undefined;
  let stepStart = 0;
  let last: unknown;
  const next = async (body: unknown) => {
    last = body;
    seen ??= (await replies()).length;
    stepStart = seen;
    await post(body);
    const all = await replies();
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  };
  // What the last step produced, read again so a reply that came late still counts.
  const offered = async () => offeredIn((await replies()).slice(stepStart));
  // An edit of a message's buttons (Telegram) adds options, not text.
  const texts = (fresh: Reply[]) =>
    fresh
      .filter((r) => r.text !== "")
      .map((r) => r.text)
      .join("\n---\n");
  return { next, texts, offered, replayLast: async () => texts(await next(last)) };
}

/** Options of the numbered lines ("1. Hộ nghèo") Zalo shows instead of buttons. */
function numberedLines(text: string): Option[] {
  return [...text.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => ({ label: m[2]!, value: m[1]!, typed: true }));
}

export type TelegramDriver = Driver & {
  /** Posts any update (a video, a command from a group) and returns what this chat got back. */
  post(update: object): Promise<string>;
};

type TelegramButton = { text: string; callback_data?: string; request_contact?: boolean };

export function telegramDriver(
  app: FastifyInstance,
  fake: FakeTelegramApi,
  secret: string,
  chatId: number,
): TelegramDriver {
  const { next, texts, offered, replayLast } = driverOver(
    async (update) => {
      const response = await app.inject({
        method: "POST",
        url: "/webhooks/telegram",
        headers: { "x-telegram-bot-api-secret-token": secret },
        payload: update as object,
      });
      if (response.statusCode !== 200) throw new Error(`webhook answered ${response.statusCode}`);
    },
    async () =>
      fake
        .calls()
        .filter((c) => String(c.payload.chat_id) === String(chatId) && c.method !== "answerCallbackQuery")
        // An edit Telegram refused changed nothing on the screen.
        .filter((c) => c.method !== "editMessageReplyMarkup" || c.messageId !== undefined)
        .map((c) => {
          const markup = c.payload.reply_markup as
            | { inline_keyboard?: TelegramButton[][]; keyboard?: TelegramButton[][] }
            | undefined;
          // A press names its message: the id the fake answered with (an edit answers the edited one).
          const messageId = c.messageId;
          const inline = (markup?.inline_keyboard ?? [])
            .flat()
            .filter((b) => b.callback_data !== undefined)
            .map((b) => ({ label: b.text, value: b.callback_data!, messageId }));
          // A reply keyboard's plain buttons send their label; the contact button is sharePhone's.
          const reply = (markup?.keyboard ?? [])
            .flat()
            .filter((b) => !b.request_contact)
            .map((b) => ({ label: b.text, value: b.text, typed: true }));
          return { text: String(c.payload.text ?? c.payload.caption ?? ""), options: [...inline, ...reply] };
        }),
    allButtons,
  );
  const say = async (text: string) => {
    const command = text.match(/^\/(\w+)\s*(.*)$/);
    return texts(
      await next(
        command ? telegramUpdate.command(chatId, command[1]!, command[2]) : telegramUpdate.text(chatId, text),
      ),
    );
  };
  const choose = async (label: string) => {
    const option = optionFor("telegram", label, await offered());
    if (option.typed) return say(option.value);
    const pressed = option.messageId === undefined ? {} : { messageId: option.messageId };
    return texts(await next(telegramUpdate.callback(chatId, option.value, pressed)));
  };
  return {
    name: "telegram",
    buttons: true,
    say,
    choose,
    async pick(labels) {
      for (const label of labels) await choose(label);
      return choose("Xong");
    },
    sharePhone: async (phone) => texts(await next(telegramUpdate.contact(chatId, phone))),
    replayLast,
    post: async (update) => texts(await next(update)),
  };
}

type Typing = "numbers" | "words";

/** A label as typed by hand: no emoji or marks, no accents, lower case. */
export function typedWords(label: string): string {
  return label
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{20E3}|✓/gu, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Zalo-style channels: choices are numbered lines, answered by typing their numbers (or words). */
function numberedDriver(
  name: string,
  say: (text: string) => Promise<string>,
  offered: () => Promise<Option[]>,
  replayLast: () => Promise<string>,
  typing: Typing = "numbers",
): Driver {
  // Only what is on offer can be answered; by its number, or by its words typed out.
  const numberOf = async (label: string) => {
    const option = optionFor(name, label, await offered());
    return typing === "numbers" ? option.value : typedWords(option.label);
  };
  return {
    name,
    buttons: false,
    say,
    choose: async (label) => say(await numberOf(label)),
    async pick(labels) {
      const numbers: string[] = [];
      for (const label of labels) numbers.push(await numberOf(label));
      return say(numbers.join(", "));
    },
    sharePhone: say,
    replayLast,
  };
}

/**
 * `typing: "words"`: the person never types a number; each choice is typed as its words, the
 * way people write on a phone: lower case, no accents, no emoji ("cha/me mat viec").
 */
export function zaloDriver(
  app: FastifyInstance,
  fake: FakeZaloApi,
  secret: string,
  chatId: string,
  typing: Typing = "numbers",
): Driver {
  const { next, texts, offered, replayLast } = driverOver(
    async (update) => {
      const response = await app.inject({
        method: "POST",
        url: "/webhooks/zalo",
        headers: { "x-bot-api-secret-token": secret },
        payload: update as object,
      });
      if (response.statusCode !== 200) throw new Error(`webhook answered ${response.statusCode}`);
    },
    async () =>
      fake
        .calls("sendMessage")
        .filter((c) => c.payload.chat_id === chatId)
        .map((c) => ({ text: String(c.payload.text), options: numberedLines(String(c.payload.text)) })),
    latestList,
  );
  const say = async (text: string) => texts(await next(zaloUpdate.text(chatId, text)));
  return numberedDriver("zalo", say, offered, replayLast, typing);
}

/** The Zalo Official Account: signed events posted to the running app, sends read from the fake. */
export function zaloOaDriver(appUrl: string, fake: FakeZaloOaApi, secretKey: string, userId: string): Driver {
  const { next, texts, offered, replayLast } = driverOver(
    async (event) => {
      const response = await postEvent(
        `${appUrl}/webhooks/zalo-oa`,
        event as ReturnType<typeof oaEvent.text>,
        {
          appId: fake.appId,
          secretKey,
        },
      );
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    },
    async () =>
      fake
        .calls(OA_PATHS.send)
        .map((c) => c.body as { recipient?: { user_id?: string }; message?: { text?: string } })
        .filter((b) => b.recipient?.user_id === userId && typeof b.message?.text === "string")
        .map((b) => ({ text: b.message!.text!, options: numberedLines(b.message!.text!) })),
    latestList,
  );
  const say = async (text: string) => texts(await next(oaEvent.text(userId, text)));
  return numberedDriver("zalo-oa", say, offered, replayLast);
}

/** A browser on the web chat: its own session (opened on the first step) and client address. */
export function webChatDriver(
  app: FastifyInstance,
  client: WebChatClient = webChatClient(app),
): Driver & { client: WebChatClient } {
  const { next, texts, offered, replayLast } = driverOver(
    async (body) => {
      const response = await client.post(body as object);
      if (response.statusCode !== 202) throw new Error(`web chat answered ${response.statusCode}`);
    },
    async () =>
      (await client.transcript())
        .filter((e) => e.from === "bot")
        .map((e) => {
          // Texts, links and media: whichever has a text or choices.
          const m = e.message as { text?: string; choices?: Array<Array<{ value: string; label: string }>> };
          return {
            text: m.text ?? "",
            options: (m.choices ?? []).flat().map((c) => ({ label: c.label, value: c.value })),
          };
        }),
    allButtons,
  );
  const post = (fields: Record<string, string>) => next({ id: randomUUID(), ...fields });
  const say = async (text: string) =>
    texts(await post(text.startsWith("/") ? { type: "command", text } : { type: "text", text }));
  const choose = async (label: string) => {
    const option = optionFor("webchat", label, await offered());
    return texts(await post({ type: "choice", value: option.value, text: option.label }));
  };
  return {
    name: "webchat",
    buttons: true,
    say,
    choose,
    async pick(labels) {
      for (const label of labels) await choose(label);
      return choose("Xong");
    },
    sharePhone: say,
    replayLast,
    client,
  };
}
