/**
 * Paying a money pledge: the programme's account in words (to type by hand) and as a VietQR
 * image. The image is served by routes.ts at a URL, because Zalo sends photos by URL only.
 */
import type { VietQrConfig } from "../../config.js";
import type { Capabilities } from "../../core/channel.js";
import type { Translate } from "../../core/i18n.js";
import type { OutboundMessage } from "../../core/messages.js";
import type { Pledge } from "../pledges/model.js";
import { formatVnd } from "../pledges/parse-money.js";
import { buildVietQrPayload } from "./vietqr/payload.js";
import { renderVietQrPng } from "./vietqr/render.js";

/** What is still to pay: nothing for a cancelled pledge or one without money. */
export function payableVnd(pledge: Pledge): number {
  if (!pledge.money || pledge.status === "cancelled" || pledge.status === "delivered") return 0;
  return Math.max(0, pledge.money.pledgedVnd - pledge.money.receivedVnd);
}

/** The VietQR text for what is still to pay, with the pledge code as the transfer note. */
export function vietQrPayloadFor(pledge: Pledge, vietqr: VietQrConfig): string | undefined {
  const amountVnd = payableVnd(pledge);
  if (amountVnd <= 0) return undefined;
  return buildVietQrPayload({
    bin: vietqr.bin,
    accountNumber: vietqr.accountNumber,
    amountVnd,
    note: pledge.code,
  });
}

export async function paymentMessages(options: {
  pledge: Pledge;
  vietqr: VietQrConfig | undefined;
  publicUrl: string;
  /** The donor's channel's: who opens a media URL. */
  capabilities: Pick<Capabilities, "urlsOpenedBy"> | undefined;
  t: Translate;
  locale: string;
}): Promise<OutboundMessage[]> {
  const { pledge, vietqr, t, locale } = options;
  const payload = vietqr && vietQrPayloadFor(pledge, vietqr);
  if (!vietqr || !payload) return pledge.money ? [{ kind: "text", text: t("pledge-pay-later") }] : [];
  const amount = formatVnd(payableVnd(pledge), locale);
  const details = t("pledge-pay-details", {
    amount,
    bank: vietqr.bankName ?? vietqr.bin,
    account: vietqr.accountNumber,
    holder: vietqr.accountName,
    note: pledge.code,
  });
  const caption = t("pledge-pay-qr-caption", { code: pledge.code, amount });
  // A platform cannot fetch a URL on this machine; a client on the same host (the web chat) can.
  const local = /^https?:\/\/(localhost|127\.|\[::1\])/.test(options.publicUrl);
  const platformFetches = options.capabilities?.urlsOpenedBy !== "client";
  const source =
    local && platformFetches
      ? {
          kind: "bytes" as const,
          data: await renderVietQrPng(payload),
          fileName: `${pledge.code}.png`,
          mimeType: "image/png",
        }
      : { kind: "url" as const, url: `${options.publicUrl}/vietqr/${pledge.code}.png` };
  return [
    { kind: "text", text: details },
    { kind: "media", media: "photo", source, caption },
  ];
}
