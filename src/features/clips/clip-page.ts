/** The small HTML pages of /clips (errors, a text lesson, the way out to a teacher's link). */
import type { FastifyReply } from "fastify";
import { CLIP_HEADERS } from "./served-file.js";

export function clipPage(reply: FastifyReply, status: number, title: string, body = "") {
  return reply
    .code(status)
    .headers(CLIP_HEADERS)
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(
      `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>${escapeHtml(title)}</title><body style="font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em">` +
        `<h1 style="font-size:1.3em">${escapeHtml(title)}</h1>${body}</body></html>`,
    );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Where a link lesson may lead: an http(s) address without credentials in it
 * ("https://trusted.vn@evil.example" shows one host and opens another). Anything else,
 * javascript:, data:, file: included, is refused.
 */
export function outboundUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password || !url.hostname) return undefined;
  return url;
}
