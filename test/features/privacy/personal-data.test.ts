/**
 * Every path a feature's schema marks `personal: true` is shown by "Dữ liệu của tôi" and gone
 * after "Xoá hết". The test does not know the features: it seeds one document per model that
 * has personal paths, with a recognisable value in each, and asks every feature's privacy hooks
 * about that person. A new model with a personal field its feature forgot fails here.
 */
import { randomInt } from "node:crypto";
import { join } from "node:path";
import type { Model, Schema } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/app.js";
import { createI18n } from "../../../src/core/i18n.js";
import { personalPaths } from "../../../src/storage/personal.js";
import { startWebChatApp } from "../../helpers/platform-app.js";
import { uniqueName } from "../../helpers/stores.js";

/** Digits only: phones are shown formatted ("0912 345 678"), so texts are compared without spaces. */
const sentinel = () => `09${String(randomInt(10_000_000, 99_999_999))}`;

/** A value for every required path, so describe hooks see a document like the ones they write. */
function documentFor(schema: Schema, personal: Map<string, string>): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  schema.eachPath((path, type) => {
    const options = type.options as { required?: unknown; enum?: unknown; default?: unknown };
    const nested = (type as { schema?: Schema }).schema;
    if (nested && !Array.isArray(type.options.type)) {
      const inner = documentFor(nested, new Map());
      for (const p of personalPaths(nested)) inner[p] = personal.get(`${path}.${p}`);
      if (Object.keys(inner).length > 0) doc[path] = inner;
      return;
    }
    if (personal.has(path)) {
      doc[path] = type.instance === "Array" ? [personal.get(path)] : personal.get(path);
      return;
    }
    if (!options.required || path === "_id") return;
    const choices = Array.isArray(options.enum) ? options.enum : undefined;
    doc[path] =
      type.instance === "Number"
        ? 1
        : type.instance === "Date"
          ? new Date()
          : type.instance === "Boolean"
            ? false
            : (choices?.[0] ?? "x");
  });
  return doc;
}

describe("personal data, as every feature declares it", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startWebChatApp();
  });
  afterAll(async () => {
    await app.mongo.dropDatabase();
    await app.close();
  });

  it("is listed in full by the privacy hooks and erased by them, for every model that marks a field personal", async () => {
    const userId = uniqueName("u");
    const owner = { channel: "webchat", userId, chatId: userId };
    const seeded: Array<{ model: Model<unknown>; id: unknown; values: string[] }> = [];
    for (const model of Object.values(app.mongo.models) as Array<Model<unknown>>) {
      const paths = personalPaths(model.schema);
      if (paths.length === 0) continue;
      // Erasure finds a person's records by these two fields: a personal schema must have them.
      expect(model.schema.path("channel"), `${model.modelName} has channel`).toBeTruthy();
      expect(model.schema.path("userId"), `${model.modelName} has userId`).toBeTruthy();
      const personal = new Map(paths.map((path) => [path, sentinel()]));
      const inserted = await model.collection.insertOne({
        ...documentFor(model.schema, personal),
        ...owner,
        createdAt: new Date(),
      });
      seeded.push({ model, id: inserted.insertedId, values: [...personal.values()] });
    }
    // Requests, help-desk tickets, pledges and class memberships at least.
    expect(seeded.length).toBeGreaterThanOrEqual(4);

    const t = createI18n("vi", join(import.meta.dirname, "..", "..", "..", "locales")).translator("vi");
    const person = { channel: "webchat" as const, userId };
    const items = (
      await Promise.all(app.features.map((f) => f.describePersonalData?.(person, t) ?? []))
    ).flat();
    const shown = items
      .map((item) => t(item.key, item.values))
      .join("\n")
      .replace(/\s/g, "");
    for (const { model, values } of seeded)
      for (const value of values) expect(shown, `${model.modelName} shows ${value}`).toContain(value);

    for (const feature of app.features) await feature.erasePersonalData?.(person);
    for (const { model, id, values } of seeded) {
      const left = JSON.stringify(await model.collection.findOne({ _id: id } as never));
      for (const value of values) expect(left, `${model.modelName} erased ${value}`).not.toContain(value);
    }
  });
});
