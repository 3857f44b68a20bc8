/**
 * The text inside a VietQR code: an EMVCo merchant-presented payload as NAPAS specifies it for
 * bank transfers (service QRIBFTTA, "to an account"). Banking apps in Vietnam read it and fill in
 * the bank, account, amount and transfer note, so a donor only has to confirm.
 */

/** NAPAS's application identifier for VietQR, inside the merchant account information. */
const NAPAS_GUID = "A000000727";
const TRANSFER_TO_ACCOUNT = "QRIBFTTA";
const VND = "704";

export interface VietQrTransfer {
  /** The beneficiary bank's 6-digit NAPAS BIN, e.g. 970436 (Vietcombank). */
  bin: string;
  accountNumber: string;
  amountVnd: number;
  /** The transfer note (purpose of transaction): how a credit is matched to its pledge. */
  note: string;
}

/** One field: two-digit id, two-digit length, value. */
function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

export function buildVietQrPayload(transfer: VietQrTransfer): string {
  if (!/^\d{6}$/.test(transfer.bin)) throw new Error("a NAPAS BIN has 6 digits");
  if (!/^[0-9A-Za-z]{1,19}$/.test(transfer.accountNumber)) throw new Error("bad account number");
  if (!Number.isSafeInteger(transfer.amountVnd) || transfer.amountVnd <= 0) throw new Error("bad amount");
  // Banks drop or reject other characters in notes; the code survives as letters, digits and "-".
  const note = transfer.note.replace(/[^0-9A-Za-z -]/g, "").slice(0, 25);
  const beneficiary = tlv("00", transfer.bin) + tlv("01", transfer.accountNumber);
  const merchantAccount = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", TRANSFER_TO_ACCOUNT);
  const body =
    tlv("00", "01") + // payload format indicator
    tlv("01", "12") + // dynamic: this code carries an amount and is meant for one payment
    tlv("38", merchantAccount) +
    tlv("53", VND) +
    tlv("54", String(transfer.amountVnd)) +
    tlv("58", "VN") +
    tlv("62", tlv("08", note));
  // The checksum covers everything before it, its own id and length included.
  const unsigned = `${body}6304`;
  return unsigned + crc16CcittFalse(unsigned);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection), four upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "utf8"))
    crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >> 8) ^ byte) & 0xff]!;
  return crc.toString(16).toUpperCase().padStart(4, "0");
}
