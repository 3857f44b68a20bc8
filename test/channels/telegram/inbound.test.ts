import { describe, expect, it } from "vitest";
import { toInbound } from "../../../src/channels/telegram/inbound.js";
import { telegramUpdate as update } from "../../fakes/telegram-api.js";

const PARENT = 501;
// Supergroup ids pass 32 bits; they must come out as exact decimal strings.
const GROUP = -1_002_233_445_566;

interface Case {
  label: string;
  update: unknown;
  expected: Record<string, unknown>;
}

const messages: Case[] = [
  {
    label: "reads a text as text, with the sender's name and language",
    update: update.text(PARENT, "Xin chào"),
    expected: {
      channel: "telegram",
      chatId: "501",
      chatKind: "private",
      userId: "501",
      displayName: "Lan",
      languageCode: "vi",
      content: { kind: "text", text: "Xin chào" },
    },
  },
  {
    label: "reads a command with @bot and a payload as a lower-case command and its args",
    update: update.command(GROUP, "Start", "lop5a_x9", { botName: "choem_bot" }),
    expected: {
      chatId: "-1002233445566",
      chatKind: "group",
      content: { kind: "command", command: "start", args: "lop5a_x9" },
    },
  },
  {
    label: "gives a bare command empty args",
    update: update.command(PARENT, "help"),
    expected: { content: { kind: "command", command: "help", args: "" } },
  },
  {
    label: "reads a button press as a choice in the chat of the message it hangs under",
    update: update.callback(GROUP, "yc:7K2M9Q:ok", { userId: 77 }),
    expected: { chatId: "-1002233445566", userId: "77", content: { kind: "choice", value: "yc:7K2M9Q:ok" } },
  },
  {
    label: "marks a shared contact of the sender as their own",
    update: update.contact(PARENT, "+84912345678"),
    expected: { content: { kind: "contact", phone: "+84912345678", isOwn: true } },
  },
  {
    label: "does not mark someone else's contact as the sender's own",
    update: update.contact(PARENT, "+84987654321", { own: false }),
    expected: { content: { kind: "contact", phone: "+84987654321", isOwn: false } },
  },
  {
    label: "keeps the largest size of a photo, its caption and source message",
    update: update.photo(PARENT, { fileId: "lesson", caption: "Bài 3" }),
    expected: {
      content: {
        kind: "photo",
        caption: "Bài 3",
        file: { channel: "telegram", fileId: "lesson-1280", uniqueId: "u-lesson-1280", fromChatId: "501" },
      },
    },
  },
  {
    label: "keeps the file name, type and size of a document",
    update: update.document(PARENT, {
      fileId: "worksheet",
      fileName: "phieu.pdf",
      mimeType: "application/pdf",
    }),
    expected: {
      content: {
        kind: "document",
        file: {
          fileId: "worksheet",
          fileName: "phieu.pdf",
          mimeType: "application/pdf",
          sizeBytes: expect.any(Number),
          messageId: expect.stringMatching(/^\d+$/),
        },
      },
    },
  },
  {
    label: "reads a video as a video",
    update: update.video(PARENT, { fileId: "clip" }),
    expected: { content: { kind: "video", file: { fileId: "clip", mimeType: "video/mp4" } } },
  },
  {
    label: "reads a location as a location",
    update: update.location(PARENT, 21.03, 105.85),
    expected: { content: { kind: "location", latitude: 21.03, longitude: 105.85 } },
  },
  {
    label: "reads a sticker as unsupported, named so the core can answer kindly",
    update: update.sticker(PARENT),
    expected: { content: { kind: "unsupported", what: "sticker" } },
  },
  {
    label: "reads the bot being added to a group as group-joined",
    update: update.myChatMember(GROUP, "member"),
    expected: { chatId: "-1002233445566", chatKind: "group", content: { kind: "group-joined" } },
  },
  {
    label: "reads the bot being removed from a group as group-left",
    update: update.myChatMember(GROUP, "kicked", { oldStatus: "administrator" }),
    expected: { content: { kind: "group-left" } },
  },
  {
    label: "reads a person blocking the bot as blocked",
    update: update.myChatMember(PARENT, "kicked"),
    expected: { chatKind: "private", content: { kind: "blocked" } },
  },
  {
    label: "reads a person unblocking the bot as unblocked",
    update: update.myChatMember(PARENT, "member", { oldStatus: "kicked" }),
    expected: { content: { kind: "unblocked" } },
  },
  {
    label: "reads a group upgraded to a supergroup as group-migrated from the old id",
    update: update.migrate(-4_001, GROUP),
    expected: { chatId: "-4001", content: { kind: "group-migrated", newChatId: "-1002233445566" } },
  },
];

const ignored: Array<{ label: string; update: unknown; reason: string | RegExp }> = [
  { label: "a channel post", update: update.channelPost(-1_009_999, "tin"), reason: "channel_post update" },
  {
    label: "the bot added to a channel",
    update: update.myChatMember(-1_009_999, "administrator", { chatType: "channel" }),
    reason: "channel chat",
  },
  {
    label: "the bot promoted inside a group it is already in",
    update: update.myChatMember(GROUP, "administrator", { oldStatus: "member" }),
    reason: /from member to administrator/,
  },
  {
    label: "an edited message",
    update: { update_id: 9, edited_message: {} },
    reason: "edited_message update",
  },
  { label: "an update with nothing in it", update: { update_id: 10 }, reason: "update without content" },
  { label: "a garbage object", update: { hello: "world" }, reason: "malformed update" },
  {
    label: "a message with a broken chat",
    update: { update_id: 11, message: { chat: 5 } },
    reason: "malformed update",
  },
  { label: "null", update: null, reason: "malformed update" },
  { label: "a string", update: "update", reason: "malformed update" },
];

describe("toInbound", () => {
  it.each(messages)("$label", ({ update: given, expected }) => {
    expect(toInbound(given)).toMatchObject(expected);
  });

  it.each(ignored)("ignores $label, saying why", ({ update: given, reason }) => {
    const result = toInbound(given);
    expect(result).toEqual({ ignored: expect.any(String) });
    expect("ignored" in result && result.ignored).toMatch(reason);
  });

  it("uses the update id as the dedupe key and stamps the given time", () => {
    const given = update.text(PARENT, "hi");
    const receivedAt = new Date("2026-03-01T08:00:00Z");
    expect(toInbound(given, receivedAt)).toMatchObject({ updateId: String(given.update_id), receivedAt });
  });

  it("keeps text that only looks like a command as text", () => {
    expect(toInbound(update.text(PARENT, "/ không phải lệnh"))).toMatchObject({
      content: { kind: "text", text: "/ không phải lệnh" },
    });
  });
});
