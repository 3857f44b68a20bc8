/**
 * What a teacher gets for a new class: the parents' code (LOP-…, typed on any channel), the
 * bot's deep link where a channel offers one (Telegram's t.me link), and a QR code of that link
 * to print or show on screen, where the teacher's channel takes uploaded pictures. Payload
 * "lop_<6 chars>" fits Telegram's 64-character start parameter.
 */
import QRCode from "qrcode";
import type { Translate } from "../../core/i18n.js";
import type { ChannelName, OutboundMessage } from "../../core/messages.js";
import type { ChannelDirectory } from "../../core/sending/channel-registry.js";
import type { ClassInfo } from "./service.js";

export type InviteChannels = Pick<ChannelDirectory, "deepLinks" | "capabilitiesOf">;

export const classPayloadOf = (code: string) => `lop_${code.replace(/^LOP-/, "")}`;

export async function inviteMessages(
  cls: ClassInfo,
  t: Translate,
  options: { channels: InviteChannels | undefined; channel: ChannelName },
): Promise<OutboundMessage[]> {
  const [link] = (await options.channels?.deepLinks(classPayloadOf(cls.code))) ?? [];
  const lines = [
    t("class-invite-code", { code: cls.code }),
    ...(link ? [t("class-invite-link", { link })] : []),
    t("class-invite-group", { code: cls.code }),
  ];
  const messages: OutboundMessage[] = [{ kind: "text", text: lines.join("\n\n") }];
  if (link && options.channels?.capabilitiesOf(options.channel)?.uploads) {
    const png = await QRCode.toBuffer(link, {
      type: "png",
      margin: 2,
      width: 480,
      errorCorrectionLevel: "M",
    });
    messages.push({
      kind: "media",
      media: "photo",
      source: { kind: "bytes", data: png, fileName: `${cls.code}.png`, mimeType: "image/png" },
      caption: t("class-invite-qr-caption", { name: cls.name, code: cls.code }),
    });
  }
  return messages;
}
