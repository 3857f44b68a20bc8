/**
 * GET /clips/:code?exp=…&sig=… — opens a clip for parents who cannot open the platform's file
 * (Zalo and web chat parents of a clip sent on Telegram). A Telegram file is streamed through
 * ChoEm, never redirected to: Telegram's file URL contains the bot token.
 */
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import type { Connection } from "mongoose";
import { z } from "zod";
import type { Translate } from "../../core/i18n.js";
import type { PlatformFile } from "../../core/messages.js";
import { clipHeader } from "./compose.js";
import { createClipService } from "./service.js";
import type { ClipLinks } from "./signed-link.js";

export interface ClipRouteDeps {
  mongo: Connection;
  links: ClipLinks;
  /** A download URL for a platform's file (Telegram: getFile); undefined when there is none (over 20 MB, gone). */
  fileUrl(file: PlatformFile): Promise<string | undefined>;
  /** Texts of the page, in the default language: whoever opens a link is not known. */
  t: Translate;
  fetch?: typeof fetch;
}

const params = z.object({ code: z.string().regex(/^BG-[A-Z0-9]{6}$/) });
const query = z.object({ exp: z.string().max(12), sig: z.string().max(64) });

export function clipRoutes(deps: ClipRouteDeps): FastifyPluginAsync {
  const clips = createClipService(deps.mongo);
  const download = deps.fetch ?? fetch;

  const page = (reply: FastifyReply, status: number, title: string, body = "") =>
    reply
      .code(status)
      .header("content-type", "text/html; charset=utf-8")
      .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
      .header("cache-control", "no-store")
      .send(
        `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
          `<title>${escapeHtml(title)}</title><body style="font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em">` +
          `<h1 style="font-size:1.3em">${escapeHtml(title)}</h1>${body}</body></html>`,
      );

  return async (app) => {
    app.get("/clips/:code", async (request, reply) => {
      const p = params.safeParse(request.params);
      const q = query.safeParse(request.query);
      if (!p.success || !q.success) return page(reply, 403, deps.t("clip-page-invalid"));
      const verdict = deps.links.verify(p.data.code, q.data.exp, q.data.sig);
      if (verdict === "bad-signature") return page(reply, 403, deps.t("clip-page-invalid"));
      if (verdict === "expired") return page(reply, 410, deps.t("clip-page-expired"));
      const clip = await clips.byCode(p.data.code);
      if (!clip) return page(reply, 404, deps.t("clip-page-gone"));
      const title = clipHeader(clip, "", deps.t);
      const { content } = clip;
      if (content.kind === "link" && content.url) return reply.redirect(content.url, 302);
      if (content.kind === "text") {
        return page(
          reply,
          200,
          title,
          `<p style="white-space:pre-wrap">${escapeHtml(content.text ?? "")}</p>`,
        );
      }
      const file = content.file;
      // A channel that downloads its own files (Telegram's URL carries the token) is streamed
      // through ChoEm; a file a platform serves publicly (Zalo photo URLs) is a redirect.
      const url = file ? await deps.fileUrl(file).catch(() => undefined) : undefined;
      const direct = file?.url ?? (file && /^https:\/\//.test(file.fileId) ? file.fileId : undefined);
      if (!url && direct) return reply.redirect(direct, 302);
      if (!url) return page(reply, 503, title, `<p>${escapeHtml(deps.t("clip-page-unavailable"))}</p>`);
      const upstream = await download(url).catch(() => undefined);
      if (!upstream?.ok || !upstream.body) {
        return page(reply, 502, title, `<p>${escapeHtml(deps.t("clip-page-unavailable"))}</p>`);
      }
      const type = upstream.headers.get("content-type") ?? file?.mimeType ?? "application/octet-stream";
      reply.header("content-type", type).header("cache-control", "private, max-age=3600");
      const length = upstream.headers.get("content-length");
      if (length) reply.header("content-length", length);
      if (file?.fileName)
        reply.header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      return reply.send(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>));
    });
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
