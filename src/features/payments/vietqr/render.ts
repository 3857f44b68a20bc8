/** A VietQR payload drawn as a PNG: pure, so the HTTP route and tests share it. */
import QRCode from "qrcode";

export async function renderVietQrPng(payload: string): Promise<Buffer> {
  // Medium error correction survives a phone photo of a printed poster; the quiet zone lets scanners lock on.
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 4, width: 480 });
}
