/**
 * How a ward is named on the better-line page and in the carrier's answer: families write it
 * their own way, and the page must not change with the order the store returns them in.
 */
import { describe, expect, it } from "vitest";
import { wardLabelOf } from "../../../src/features/carriers/better-lines.js";

describe("the ward's label", () => {
  it("is the spelling most families used", () => {
    expect(wardLabelOf(["phường 5", "Phường 5", "phường 5"])).toBe("phường 5");
  });

  it("prefers the capitalised spelling on a tie, in whatever order the requests come", () => {
    expect(wardLabelOf(["phường 5", "Phường 5"])).toBe("Phường 5");
    expect(wardLabelOf(["Phường 5", "phường 5"])).toBe("Phường 5");
    expect(wardLabelOf(["đông hòa", "Đông Hòa"])).toBe("Đông Hòa");
  });

  it("ignores blanks and spaces around a name, and is empty when nobody named the ward", () => {
    expect(wardLabelOf([undefined, "  Xã Đông Hòa ", ""])).toBe("Xã Đông Hòa");
    expect(wardLabelOf([undefined, " "])).toBe("");
  });
});
