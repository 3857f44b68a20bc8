import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";

describe("the VietQR settings", () => {
  it("are off when none is set", () => {
    const loaded = loadConfig({});
    expect(loaded.ok && loaded.config.vietqr).toBeUndefined();
  });

  it("describe the programme's account when the bank, account and holder are set", () => {
    const loaded = loadConfig({
      VIETQR_BANK_BIN: "970436",
      VIETQR_ACCOUNT_NUMBER: "0071000123456",
      VIETQR_ACCOUNT_NAME: "SO GIAO DUC VA DAO TAO",
      VIETQR_BANK_NAME: "Vietcombank",
    });
    expect(loaded.ok && loaded.config.vietqr).toEqual({
      bin: "970436",
      accountNumber: "0071000123456",
      accountName: "SO GIAO DUC VA DAO TAO",
      bankName: "Vietcombank",
    });
  });

  it("stop start-up naming what is wrong when only some are set or a BIN is malformed", () => {
    const partial = loadConfig({ VIETQR_BANK_BIN: "970436" });
    expect(partial.ok).toBe(false);
    if (!partial.ok) expect(partial.message).toContain("set all three");
    const malformed = loadConfig({
      VIETQR_BANK_BIN: "9704",
      VIETQR_ACCOUNT_NUMBER: "0071 000",
      VIETQR_ACCOUNT_NAME: "X",
    });
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) {
      expect(malformed.message).toContain("VIETQR_BANK_BIN: must be the bank's 6-digit NAPAS BIN");
      expect(malformed.message).toContain("VIETQR_ACCOUNT_NUMBER: must be 1-19 letters or digits");
    }
  });
});
