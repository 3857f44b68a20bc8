/**
 * A question with several answers (what a donor gives), through the whole app: on Telegram each
 * tap ticks its button on the question's own message (editMessageReplyMarkup) instead of
 * posting the long question again; when Telegram refuses the edit, the question is sent anew.
 * The hint under the question says how to pick on that channel: "Xong" where there are buttons,
 * numbers with commas on Zalo.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, telegramDriver, zaloDriver } from "../../helpers/channel-drivers.js";
import {
  type PlatformApp,
  startPlatformApp,
  TELEGRAM_SECRET,
  ZALO_SECRET,
} from "../../helpers/platform-app.js";

describe("multi-choice questions", () => {
  let platform: PlatformApp;
  beforeAll(async () => {
    platform = await startPlatformApp({});
  });
  afterAll(() => platform.close());

  /** Up to "Anh/chị muốn ủng hộ những gì" (tick as many as apply). */
  async function toWhatToGive(driver: Driver): Promise<string> {
    await driver.say("/start");
    await driver.choose("Ủng hộ");
    await driver.choose("Cá nhân");
    return driver.choose("Ẩn danh");
  }

  const callsTo = (chatId: number, method: string) =>
    platform.telegram.calls(method).filter((call) => String(call.payload.chat_id) === String(chatId));
  const labelsOf = (call: { payload: Record<string, unknown> } | undefined) =>
    (
      (call?.payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string }>> } | undefined)
        ?.inline_keyboard ?? []
    )
      .flat()
      .map((button) => button.text);

  it("ticks the buttons of the question's own message on Telegram", async () => {
    const chatId = 6100001;
    const donor = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, chatId);
    const question = await toWhatToGive(donor);
    expect(question).toContain("Anh/chị muốn ủng hộ những gì");
    expect(question).toContain("bấm “Xong”");
    expect(question).not.toContain("Zalo");
    const asked = callsTo(chatId, "sendMessage").at(-1)!;
    const sentBefore = callsTo(chatId, "sendMessage").length;

    expect(await donor.choose("Tiền")).toBe("");
    expect(await donor.choose("Thiết bị")).toBe("");
    const edits = callsTo(chatId, "editMessageReplyMarkup");
    expect(edits.map((edit) => Number(edit.payload.message_id))).toEqual([asked.messageId, asked.messageId]);
    expect(labelsOf(edits.at(-1))).toEqual(expect.arrayContaining(["✓ 💰 Tiền", "✓ 💻 Thiết bị"]));
    // Untick: the button loses its mark, still on the same message.
    await donor.choose("✓ 💻 Thiết bị");
    expect(labelsOf(callsTo(chatId, "editMessageReplyMarkup").at(-1))).not.toContain("✓ 💻 Thiết bị");
    expect(callsTo(chatId, "sendMessage")).toHaveLength(sentBefore);

    expect(await donor.choose("Xong")).toContain("Anh/chị ủng hộ bao nhiêu tiền");
  });

  it("sends the question again when Telegram refuses to edit the message", async () => {
    const chatId = 6100002;
    const donor = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, chatId);
    await toWhatToGive(donor);
    platform.telegram.failNext("editMessageReplyMarkup", {
      code: 400,
      description: "Bad Request: message to edit not found",
    });
    const again = await donor.choose("Tiền");
    expect(again).toContain("Anh/chị muốn ủng hộ những gì");
    expect(labelsOf(callsTo(chatId, "sendMessage").at(-1))).toContain("✓ 💰 Tiền");
    // The new message is the one that changes from then on.
    const fresh = callsTo(chatId, "sendMessage").at(-1)!;
    await donor.choose("Gói data");
    expect(Number(callsTo(chatId, "editMessageReplyMarkup").at(-1)?.payload.message_id)).toBe(
      fresh.messageId,
    );
  });

  it("sends nothing new when Telegram says the buttons are already these", async () => {
    const chatId = 6100003;
    const donor = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, chatId);
    await toWhatToGive(donor);
    const sentBefore = callsTo(chatId, "sendMessage").length;
    platform.telegram.failNext("editMessageReplyMarkup", {
      code: 400,
      description:
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
    });
    expect(await donor.choose("Tiền")).toBe("");
    expect(callsTo(chatId, "sendMessage")).toHaveLength(sentBefore);
  });

  it("tells Zalo users to type the numbers, with no word of a Done button", async () => {
    const donor = zaloDriver(platform.app.server, platform.zalo, ZALO_SECRET, "zmulti01");
    const question = await toWhatToGive(donor);
    expect(question).toContain("gõ các số cách nhau bởi dấu phẩy");
    expect(question).not.toContain("“Xong”");
    expect(await donor.say("1, 2")).toContain("Anh/chị ủng hộ bao nhiêu tiền");
  });
});
