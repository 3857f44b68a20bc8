import Fastify, { type FastifyInstance } from "fastify";
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformFile } from "../../../src/core/messages.js";
import { clipRoutes } from "../../../src/features/clips/routes.js";
import { createClipService } from "../../../src/features/clips/service.js";
import { createClipLinks } from "../../../src/features/clips/signed-link.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri, uniqueName } from "../../helpers/stores.js";
import { LINK_SECRET, PUBLIC_URL } from "./clip-engine.js";

const TELEGRAM_FILE_URL = "https://api.telegram.org/file/bot123:SECRET/videos/file_1.mp4";

describe("signed clip links", () => {
  let mongo: Connection;
  let app: FastifyInstance;
  const links = createClipLinks({ secret: LINK_SECRET, publicUrl: PUBLIC_URL });
  const fetched: string[] = [];
  let available = true;
  const codes: Record<"video" | "link", string> = { video: "", link: "" };

  beforeAll(async () => {
    mongo = await connectMongo(testMongoUri(), silentLogger());
    const clips = createClipService(mongo);
    const make = (content: Parameters<typeof clips.create>[0]["content"]) =>
      clips.create({
        idempotencyKey: uniqueName("k"),
        teacher: { channel: "telegram", userId: "7001", chatId: "7001", locale: "vi" },
        classIds: ["c1"],
        classNames: ["6A1"],
        makeUp: false,
        title: "Toán – Phân số",
        content,
      });
    const file: PlatformFile = {
      channel: "telegram",
      fileId: "vid-1",
      mimeType: "video/mp4",
      fileName: "bài 5.mp4",
    };
    codes.video = (await make({ kind: "video", file })).code;
    codes.link = (await make({ kind: "link", url: "https://k12online.vn/bai-5" })).code;
    app = Fastify();
    await app.register(
      clipRoutes({
        mongo,
        links,
        t: (key) => (key === "clip-page-unavailable" ? "Tệp này hiện không tải được" : key),
        fileUrl: async () => (available ? TELEGRAM_FILE_URL : undefined),
        fetch: async (url) => {
          fetched.push(String(url));
          return new Response("VIDEO-BYTES", { headers: { "content-type": "video/mp4" } });
        },
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    await mongo.dropDatabase();
    await mongo.close();
  });

  const open = (url: string) => app.inject({ method: "GET", url: url.replace(PUBLIC_URL, "") });

  it("streams a Telegram file through ChoEm without ever showing Telegram's URL", async () => {
    const reply = await open(links.url(codes.video));
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toBe("VIDEO-BYTES");
    expect(reply.headers["content-type"]).toBe("video/mp4");
    expect(reply.headers["content-disposition"]).toMatch(/^inline; /);
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.headers.location).toBeUndefined();
    expect(JSON.stringify(reply.headers)).not.toContain("SECRET");
    expect(fetched).toEqual([TELEGRAM_FILE_URL]);
  });

  it("says so in the page when the file cannot be fetched", async () => {
    available = false;
    const reply = await open(links.url(codes.video));
    available = true;
    expect(reply.statusCode).toBe(503);
    expect(reply.body).toContain("Tệp này hiện không tải được");
  });

  it("shows where a link clip leads and waits for a tap instead of redirecting", async () => {
    const reply = await open(links.url(codes.link));
    expect(reply.statusCode).toBe(200);
    expect(reply.headers.location).toBeUndefined();
    expect(reply.body).toContain('href="https://k12online.vn/bai-5"');
    expect(reply.body).toContain("clip-link-confirm-title");
  });

  it("rejects a bad signature, another clip's signature, and an expired link", async () => {
    const good = new URL(links.url(codes.video));
    const tampered = new URL(good);
    const sig = good.searchParams.get("sig")!;
    tampered.searchParams.set("sig", `${sig.startsWith("A") ? "B" : "A"}${sig.slice(1)}`);
    expect((await open(tampered.toString())).statusCode).toBe(403);

    const borrowed = new URL(good);
    borrowed.pathname = `/clips/${codes.link}`;
    expect((await open(borrowed.toString())).statusCode).toBe(403);

    const longer = new URL(good);
    longer.searchParams.set("exp", String(Number(good.searchParams.get("exp")) + 3600));
    expect((await open(longer.toString())).statusCode).toBe(403);

    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    expect((await open(links.url(codes.video, eightDaysAgo))).statusCode).toBe(410);
    expect((await open(`/clips/${codes.video}`)).statusCode).toBe(403);
  });
});
