/**
 * Reading a stored session: the common shape (language and last menu, no form) is read without
 * the schema, and must come out exactly as the schema would have read it.
 */
import { describe, expect, it } from "vitest";
import { readSession } from "../../src/core/session-store.js";

describe("reading a stored session", () => {
  it("keeps the language and the last menu, and only the option fields a menu needs", () => {
    expect(
      readSession('{"v":1,"locale":"en","menu":[{"value":"menu:language","label":"Language","x":1}]}'),
    ).toEqual({ locale: "en", menu: [{ value: "menu:language", label: "Language" }] });
    expect(readSession('{"v":1}')).toEqual({});
  });

  it("keeps the menu when the language is unknown, and the language when the menu is broken", () => {
    expect(readSession('{"v":1,"locale":"fr","menu":[{"value":"a","label":"A"}]}')).toEqual({
      menu: [{ value: "a", label: "A" }],
    });
    expect(readSession('{"v":1,"locale":"vi","menu":[{"value":1,"label":"A"}]}')).toEqual({ locale: "vi" });
    expect(readSession('{"v":1,"locale":"vi","menu":"1. A"}')).toEqual({ locale: "vi" });
  });

  it("reads a session from before versions, and says a form that cannot be read was lost", () => {
    expect(readSession('{"locale":"en"}')).toEqual({ locale: "en" });
    expect(readSession('{"v":1,"locale":"en","dialog":{"nope":true}}')).toEqual({
      locale: "en",
      dialogLost: true,
    });
  });
});
