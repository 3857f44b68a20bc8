/** What console tests start from: requests as the parents' forms make them, and appointed staff. */
import type { RunningApp } from "../../src/app.js";
import { createRecordLock } from "../../src/core/lock.js";
import type { ChannelName } from "../../src/core/messages.js";
import { createRequestService } from "../../src/features/requests/service.js";
import type { Driver } from "./channel-drivers.js";
import type { ConsoleClient } from "./console-client.js";

/** A device request for `child` at `school`, sent by `userId` (on Telegram unless said); returns its code. */
export async function seedDeviceRequest(
  app: RunningApp,
  school: string,
  child: string,
  userId: string,
  channel: ChannelName = "telegram",
): Promise<string> {
  const requests = createRequestService(app.mongo, createRecordLock(app.redis, app.prefix));
  const made = await requests.create({
    idempotencyKey: `seed-${school}-${child}-${userId}`,
    kind: "device",
    channel,
    userId,
    chatId: userId,
    locale: "vi",
    grade: 6,
    schoolCode: school,
    schoolName: school === "79001" ? "Trường THCS Chu Văn An" : "Trường Tiểu học Lê Lợi",
    childName: child,
    device: "laptop",
    phone: "+84912345678",
  });
  return made.request.code;
}

/** `by` (signed in) appoints `who` as school staff of `school`; `who` sends the code to the bot. */
export async function appointSchoolStaff(
  by: ConsoleClient,
  who: Driver,
  name: string,
  school: string,
): Promise<void> {
  await by.get("/console/staff");
  const made = await by.post("/console/staff/appoint", { name, level: "school", places: school });
  const code = made.body.match(/class="code">(CB-[A-Z0-9]{6})</)?.[1];
  if (!code) throw new Error(`no appointment code: ${made.status}`);
  await who.say(code);
}

/** Asks staff a question through "Hỏi cán bộ"; returns the ticket's code. */
export async function askStaff(d: Driver, question: string): Promise<string> {
  await d.say("/hoicanbo");
  await d.choose("Việc khác");
  await d.say(question);
  await (d.buttons ? d.choose("Bỏ qua") : d.say("bỏ qua"));
  const done = await d.choose("Xác nhận");
  const code = done.match(/HT-[A-Z0-9]{6}/)?.[0];
  if (!code) throw new Error(`no ticket code in: ${done}`);
  return code;
}
