/**
 * Drive the whole app as a person would on each channel: post platform updates to the webhook
 * (or the web chat's API) and read what reached the fake platform. One script runs on all three.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { FakeTelegramApi } from "../fakes/telegram-api.js";
import { telegramUpdate } from "../fakes/telegram-api.js";
import type { FakeZaloApi } from "../fakes/zalo-api.js";
import { zaloUpdate } from "../fakes/zalo-api.js";
import { type FakeZaloOaApi, OA_PATHS, oaEvent, postEvent } from "../fakes/zalo-oa-api.js";

export interface Driver {
  name: string;
  say(text: string): Promise<string>;
  /** Taps the option whose label contains `label`, or types it where options are numbered. */
  choose(label: string): Promise<string>;
  /** Several options of a multi-choice question, finishing the question. */
  pick(labels: string[]): Promise<string>;
  sharePhone(phone: string): Promise<string>;
  /** Sends the previous update again, as a platform retry would; returns what that produced. */
  replayLast(): Promise<string>;
}

interface Reply {
  text: string;
  options: Array<{ label: string; data?: string }>;
}

function driverOver(post: (body: unknown) => Promise<void>, replies: () => Promise<Reply[]>) {
  let seen = 0;
  let last: unknown;
  const next = async (body: unknown) => {
    last = body;
    await post(body);
    const all = await replies();
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  };
  const lastOptions = async () => (await replies()).at(-1)?.options ?? [];
  const texts = (fresh: Reply[]) => fresh.map((r) => r.text).join("\n---\n");
  return { next, texts, lastOptions, replayLast: async () => texts(await next(last)) };
}

export type TelegramDriver = Driver & {
  /** Posts any update (a video, a command from a group) and returns what this chat got back. */
  post(update: object): Promise<string>;
};

export function telegramDriver(
  app: FastifyInstance,
  fake: FakeTelegramApi,
  secret: string,
  chatId: number,
): TelegramDriver {
  const { next, texts, lastOptions, replayLast } = driverOver(
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
        .map((c) => {
          const markup = c.payload.reply_markup as
            | { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> }
            | undefined;
          const options = (markup?.inline_keyboard ?? [])
            .flat()
            .map((b) => ({ label: b.text, data: b.callback_data }));
          return { text: String(c.payload.text ?? c.payload.caption ?? ""), options };
        }),
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
    const option = (await lastOptions()).find((o) => o.label.includes(label));
    if (!option?.data) return say(label); // reply-keyboard labels arrive as typed text
    return texts(await next(telegramUpdate.callback(chatId, option.data)));
  };
  return {
    name: "telegram",
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

export function zaloDriver(app: FastifyInstance, fake: FakeZaloApi, secret: string, chatId: string): Driver {
  const numbered = (text: string) =>
    [...text.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => ({ label: m[2]!, data: m[1]! }));
  const { next, texts, lastOptions, replayLast } = driverOver(
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
        .map((c) => ({ text: String(c.payload.text), options: numbered(String(c.payload.text)) })),
  );
  const say = async (text: string) => texts(await next(zaloUpdate.text(chatId, text)));
  const numberOf = async (label: string) => (await lastOptions()).find((o) => o.label.includes(label))?.data;
  return {
    name: "zalo",
    say,
    choose: async (label) => say((await numberOf(label)) ?? label),
    async pick(labels) {
      const numbers = await Promise.all(labels.map(numberOf));
      return say(numbers.join(", "));
    },
    sharePhone: say,
    replayLast,
  };
}

/** The Zalo Official Account: signed events posted to the running app, sends read from the fake. */
export function zaloOaDriver(appUrl: string, fake: FakeZaloOaApi, secretKey: string, userId: string): Driver {
  const numbered = (text: string) =>
    [...text.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => ({ label: m[2]!, data: m[1]! }));
  const { next, texts, lastOptions, replayLast } = driverOver(
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
        .map((b) => ({ text: b.message!.text!, options: numbered(b.message!.text!) })),
  );
  const say = async (text: string) => texts(await next(oaEvent.text(userId, text)));
  const numberOf = async (label: string) => (await lastOptions()).find((o) => o.label.includes(label))?.data;
  return {
    name: "zalo-oa",
    say,
    choose: async (label) => say((await numberOf(label)) ?? label),
    async pick(labels) {
      return say((await Promise.all(labels.map(numberOf))).join(", "));
    },
    sharePhone: say,
    replayLast,
  };
}

export function webChatDriver(app: FastifyInstance, chatId = randomUUID()): Driver {
  type Entry = {
    from: string;
    message: { kind: string; text?: string; choices?: Array<Array<{ value: string; label: string }>> };
  };
  const { next, texts, lastOptions, replayLast } = driverOver(
    async (body) => {
      const response = await app.inject({
        method: "POST",
        url: "/webchat/api/messages",
        payload: body as object,
      });
      if (response.statusCode !== 202) throw new Error(`web chat answered ${response.statusCode}`);
    },
    async () => {
      const response = await app.inject({
        method: "GET",
        url: `/webchat/api/messages?chatId=${chatId}&after=0`,
      });
      return (response.json() as { messages: Entry[] }).messages
        .filter((e) => e.from === "bot")
        .map((e) => ({
          text: e.message.text ?? "",
          options: (e.message.choices ?? []).flat().map((c) => ({ label: c.label, data: c.value })),
        }));
    },
  );
  const post = (fields: Record<string, string>) => next({ chatId, id: randomUUID(), ...fields });
  const say = async (text: string) =>
    texts(await post(text.startsWith("/") ? { type: "command", text } : { type: "text", text }));
  const choose = async (label: string) => {
    const option = (await lastOptions()).find((o) => o.label.includes(label));
    return option?.data
      ? texts(await post({ type: "choice", value: option.data, text: option.label }))
      : say(label);
  };
  return {
    name: "webchat",
    say,
    choose,
    async pick(labels) {
      for (const label of labels) await choose(label);
      return choose("Xong");
    },
    sharePhone: say,
    replayLast,
  };
}
