/**
 * What a teacher gets for a new class: the parents' code (LOP-…, typed on Zalo and the web
 * chat), the Telegram deep link when the bot's username is known, and a QR code of that link
 * to print or show on screen. Payload "lop_<6 chars>" fits Telegram's 64-character limit.
 */
import QRCode from "qrcode";
import type { Translate } from "../../core/i18n.js";
import type { ChannelName, OutboundMessage } from "../../core/messages.js";
import type { ClassInfo } from "./service.js";

export function deepLinkOf(code: string, botUsername: string | undefined): string | undefined {
  if (!botUsername) return undefined;
  return `https://t.me/${botUsername}?start=lop_${code.replace(/^LOP-/, "")}`;
}

/** Zalo takes pictures only by public URL: bytes ChoEm makes cannot go there. */
export const canSendBytes = (channel: ChannelName) => channel !== "zalo" && channel !== "zalo-oa";

export async function inviteMessages(
  cls: ClassInfo,
  t: Translate,
  options: { botUsername: string | undefined; channel: ChannelName },
): Promise<OutboundMessage[]> {
  const link = deepLinkOf(cls.code, options.botUsername);
  const lines = [
    t("class-invite-code", { code: cls.code }),
    ...(link ? [t("class-invite-link", { link })] : []),
    t("class-invite-group", { code: cls.code }),
  ];
  const messages: OutboundMessage[] = [{ kind: "text", text: lines.join("\n\n") }];
  if (link && canSendBytes(options.channel)) {
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
