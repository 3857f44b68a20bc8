/**
 * Attaching a file in the web chat: the page posts the file's bytes as they are (its type as
 * Content-Type, its name and the page's message id in the query), the server keeps them in
 * GridFS (files.ts) and hands the core a document, photo or video message like Telegram's, so a
 * teacher's PDF becomes a lesson the same way. Only the session's own chat can attach; a page's
 * retry with the same id is taken once. GET /webchat/files/:id shows an attachment to a web chat
 * (a lesson sent to a parent here).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { InboundMessage, OutboundMessage } from "../../core/messages.js";
import { stripUnsafe } from "../../core/text/strip-unsafe.js";
import { ATTACHABLE_TYPES, kindOfType, MAX_FILE_BYTES, type WebChatFiles } from "./files.js";

const uploadQuery = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  name: z.string().min(1).max(200),
});
const fileParams = z.object({ id: z.string().uuid() });

export interface UploadDeps {
  files: WebChatFiles;
  chatOf(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined>;
  claim(chatId: string, clientId: string): Promise<"fresh" | "repeated" | "gone">;
  showOwn(chatId: string, message: OutboundMessage, clientId: string): Promise<void>;
  onInbound(message: InboundMessage): Promise<void>;
  onIgnored(reason: string): void;
}

export function registerUploads(app: FastifyInstance, deps: UploadDeps): void {
  // The bytes as they are, for the attachable types only; anything else is refused with 415.
  app.addContentTypeParser(
    ATTACHABLE_TYPES,
    { parseAs: "buffer", bodyLimit: MAX_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post("/webchat/api/files", { bodyLimit: MAX_FILE_BYTES }, async (request, reply) => {
    if (request.headers["sec-fetch-site"] === "cross-site") return reply.code(403).send({ ok: false });
    const chatId = await deps.chatOf(request, reply);
    if (!chatId) return reply.code(401).send({ ok: false });
    const query = uploadQuery.safeParse(request.query);
    const type = String(request.headers["content-type"] ?? "")
      .split(";")[0]!
      .trim()
      .toLowerCase();
    const kind = kindOfType(type);
    const data = request.body;
    if (!query.success || !kind || !Buffer.isBuffer(data) || data.length === 0) {
      deps.onIgnored("invalid web chat attachment");
      return reply.code(400).send({ ok: false });
    }
    const claimed = await deps.claim(chatId, query.data.id);
    if (claimed === "gone") return reply.code(401).send({ ok: false });
    if (claimed === "repeated") return reply.code(202).send({ ok: true });
    const fileName = stripUnsafe(query.data.name).replace(/[/\\]/g, "_").trim() || "tep";
    const stored = await deps.files.save(data, fileName, type, chatId);
    await deps.showOwn(chatId, { kind: "text", text: `📎 ${fileName}` }, query.data.id);
    const file = {
      channel: "webchat" as const,
      fileId: stored.id,
      fileName,
      mimeType: type,
      sizeBytes: stored.sizeBytes,
      url: `/webchat/files/${stored.id}`,
    };
    await deps.onInbound({
      channel: "webchat",
      chatId,
      chatKind: "private",
      updateId: `${chatId}:${query.data.id}`,
      userId: chatId,
      receivedAt: new Date(),
      content: { kind, file },
    });
    return reply.code(202).send({ ok: true });
  });

  app.get("/webchat/files/:id", async (request, reply) => {
    if (!(await deps.chatOf(request, reply))) return reply.code(401).send({ ok: false });
    const params = fileParams.safeParse(request.params);
    const opened = params.success ? await deps.files.open(params.data.id) : undefined;
    if (!opened) return reply.code(404).send({ ok: false });
    // Shown in the page only as a picture, a video or a link: never run, whatever it holds.
    return reply
      .header(
        "content-type",
        opened.mimeType === "application/pdf" ||
          opened.mimeType.startsWith("image/") ||
          opened.mimeType.startsWith("video/")
          ? opened.mimeType
          : "application/octet-stream",
      )
      .header("content-length", String(opened.sizeBytes))
      .header("cache-control", "private, max-age=604800, immutable")
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", "default-src 'none'; sandbox")
      .send(opened.stream);
  });
}
