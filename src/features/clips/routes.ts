/**
 * GET /clips/:code?exp=…&sig=… — opens a clip for parents who cannot open the platform's file
 * (Zalo and web chat parents of a clip sent on Telegram). A Telegram file is streamed through
 * ChoEm, never redirected to: Telegram's file URL contains the bot token. Files are served as
 * served-file.ts decides (only media and PDF inline, nothing able to run script on ChoEm's
 * origin); a link lesson shows where it leads and waits for a tap, never an automatic redirect.
 */
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { FastifyPluginAsync } from "fastify";
import type { Connection } from "mongoose";
import { z } from "zod";
import type { OpenedFile } from "../../core/channel.js";
import type { Translate } from "../../core/i18n.js";
import type { PlatformFile } from "../../core/messages.js";
import { clipPage, escapeHtml, outboundUrl } from "./clip-page.js";
import { clipHeader } from "./compose.js";
import { CLIP_HEADERS, servedAs } from "./served-file.js";
import { createClipService } from "./service.js";
import type { ClipLinks } from "./signed-link.js";

export interface ClipRouteDeps {
  mongo: Connection;
  links: ClipLinks;
  /** A download URL for a platform's file (Telegram: getFile); undefined when there is none (over 20 MB, gone). */
  fileUrl(file: PlatformFile): Promise<string | undefined>;
  /** The bytes of a file ChoEm keeps itself (a web chat attachment); undefined otherwise. */
  openFile?(file: PlatformFile): Promise<OpenedFile | undefined>;
  /** Texts of the page, in the default language: whoever opens a link is not known. */
  t: Translate;
  fetch?: typeof fetch;
}

const params = z.object({ code: z.string().regex(/^BG-[A-Z0-9]{6}$/) });
const query = z.object({ exp: z.string().max(12), sig: z.string().max(64) });

export function clipRoutes(deps: ClipRouteDeps): FastifyPluginAsync {
  const clips = createClipService(deps.mongo);
  const download = deps.fetch ?? fetch;
  const unavailable = () => `<p>${escapeHtml(deps.t("clip-page-unavailable"))}</p>`;

  return async (app) => {
    // Before anything else, so refusals (403, 429, errors) carry the same policy as files.
    app.addHook("onRequest", async (_request, reply) => {
      reply.headers(CLIP_HEADERS);
    });

    app.get("/clips/:code", async (request, reply) => {
      const p = params.safeParse(request.params);
      const q = query.safeParse(request.query);
      if (!p.success || !q.success) return clipPage(reply, 403, deps.t("clip-page-invalid"));
      const verdict = deps.links.verify(p.data.code, q.data.exp, q.data.sig);
      if (verdict === "bad-signature") return clipPage(reply, 403, deps.t("clip-page-invalid"));
      if (verdict === "expired") return clipPage(reply, 410, deps.t("clip-page-expired"));
      const clip = await clips.byCode(p.data.code);
      if (!clip) return clipPage(reply, 404, deps.t("clip-page-gone"));
      const title = clipHeader(clip, "", deps.t);
      const { content } = clip;
      if (content.kind === "link") {
        const url = outboundUrl(content.url);
        if (!url) return clipPage(reply, 404, title, `<p>${escapeHtml(deps.t("clip-link-refused"))}</p>`);
        return clipPage(
          reply,
          200,
          deps.t("clip-link-confirm-title"),
          `<p>${escapeHtml(title)}</p><p>${escapeHtml(deps.t("clip-link-confirm-body"))}</p>` +
            `<p style="word-break:break-all;font-family:monospace">${escapeHtml(url.href)}</p>` +
            `<p><a href="${escapeHtml(url.href)}" rel="noopener noreferrer nofollow">${escapeHtml(
              deps.t("clip-link-confirm-open", { host: url.hostname }),
            )}</a></p>`,
        );
      }
      if (content.kind === "text") {
        return clipPage(
          reply,
          200,
          title,
          `<p style="white-space:pre-wrap">${escapeHtml(content.text ?? "")}</p>`,
        );
      }
      const file = content.file;
      const own = file && deps.openFile ? await deps.openFile(file).catch(() => undefined) : undefined;
      if (file && own) {
        const served = servedAs(own.mimeType, file.fileName);
        return reply
          .header("content-type", served.contentType)
          .header("content-disposition", served.disposition)
          .header("content-length", String(own.sizeBytes))
          .header("cache-control", "private, max-age=3600")
          .send(own.stream);
      }
      // A channel that downloads its own files (Telegram's URL carries the token) is streamed
      // through ChoEm; a file a platform serves publicly (Zalo photo URLs) is a redirect to it.
      const url = file ? await deps.fileUrl(file).catch(() => undefined) : undefined;
      const direct = file?.url ?? (file && /^https:\/\//.test(file.fileId) ? file.fileId : undefined);
      if (!url && direct && outboundUrl(direct)?.protocol === "https:") return reply.redirect(direct, 302);
      if (!url) return clipPage(reply, 503, title, unavailable());
      const upstream = await download(url).catch(() => undefined);
      if (!upstream?.ok || !upstream.body) return clipPage(reply, 502, title, unavailable());
      // The type the platform recorded when the teacher sent it, else what its file server says
      // (Telegram photos are always JPEG and carry none).
      const declared =
        file?.mimeType ??
        (content.kind === "photo" ? "image/jpeg" : (upstream.headers.get("content-type") ?? undefined));
      const served = servedAs(declared, file?.fileName);
      reply
        .header("content-type", served.contentType)
        .header("content-disposition", served.disposition)
        .header("cache-control", "private, max-age=3600");
      const length = upstream.headers.get("content-length");
      if (length) reply.header("content-length", length);
      return reply.send(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>));
    });
  };
}
