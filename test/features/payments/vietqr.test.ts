import { describe, expect, it } from "vitest";
import { buildVietQrPayload, crc16CcittFalse } from "../../../src/features/payments/vietqr/payload.js";
import { renderVietQrPng } from "../../../src/features/payments/vietqr/render.js";
import { scanQr } from "./scan-qr.js";

/** CRC-16/CCITT-FALSE bit by bit, written apart from the table-driven one under test. */
function bitwiseCrc(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "ascii")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

/** Top-level EMVCo fields: id → value, in order. */
function readTlv(payload: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (let at = 0; at < payload.length; ) {
    const id = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    fields.push([id, payload.slice(at + 4, at + 4 + length)]);
    at += 4 + length;
  }
  return fields;
}

const transfer = { bin: "970436", accountNumber: "0071000123456", amountVnd: 1_500_000, note: "UH-7K3M9Q" };

describe("VietQR payload", () => {
  it("computes CRC-16/CCITT-FALSE as the standard check value says", () => {
    expect(crc16CcittFalse("123456789")).toBe("29B1");
    expect(bitwiseCrc("123456789")).toBe("29B1");
  });

  it("lays out the NAPAS fields in order, for a transfer to an account with an amount", () => {
    const fields = readTlv(buildVietQrPayload(transfer));
    expect(fields.map(([id]) => id)).toEqual(["00", "01", "38", "53", "54", "58", "62", "63"]);
    const byId = Object.fromEntries(fields);
    expect(byId["00"]).toBe("01");
    expect(byId["01"]).toBe("12");
    expect(readTlv(byId["38"]!)).toEqual([
      ["00", "A000000727"],
      ["01", "0006970436" + "0113" + "0071000123456"],
      ["02", "QRIBFTTA"],
    ]);
    expect(byId["53"]).toBe("704");
    expect(byId["54"]).toBe("1500000");
    expect(byId["58"]).toBe("VN");
    expect(readTlv(byId["62"]!)).toEqual([["08", "UH-7K3M9Q"]]);
  });

  it("ends with a CRC over everything before it, 6304 included", () => {
    const payload = buildVietQrPayload(transfer);
    expect(payload.slice(-8, -4)).toBe("6304");
    expect(payload.slice(-4)).toBe(bitwiseCrc(payload.slice(0, -4)));
  });

  it("matches a payload assembled by hand from the specification", () => {
    // 38 = GUID, then beneficiary (00 BIN, 01 account: 10 + 17 = 27 characters), then the service code.
    const merchant = "0010A000000727" + "0127" + "0006970436" + "0113" + "0071000123456" + "0208QRIBFTTA";
    expect(merchant.length).toBe(57);
    const body = `0002010102123857${merchant}5303704540715000005802VN62130809UH-7K3M9Q6304`;
    expect(buildVietQrPayload(transfer)).toBe(body + bitwiseCrc(body));
  });

  it("refuses a bank BIN that is not six digits", () => {
    expect(() => buildVietQrPayload({ ...transfer, bin: "97043" })).toThrow();
  });

  it("draws a PNG that scans back to exactly the payload", async () => {
    const payload = buildVietQrPayload(transfer);
    expect(scanQr(await renderVietQrPng(payload))).toBe(payload);
  });
});
