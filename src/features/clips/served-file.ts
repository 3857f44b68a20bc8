/**
 * How a lesson file is handed to a browser from ChoEm's own origin. A teacher can send any
 * document; an HTML, SVG or XML one opened inline would run its scripts as ChoEm. So only
 * pictures, video, sound and PDF are shown inline, by an allow-list of types; everything else
 * is a download (application/octet-stream, attachment). Every /clips answer also carries
 * nosniff and a sandboxing policy (CLIP_HEADERS), so not even a mislabelled file can run.
 */

/** Exact media types (no parameters) a browser may show in place. SVG is an image that runs scripts: not here. */
const INLINE_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/bmp",
  "video/mp4",
  "video/webm",
  "video/ogg",
  "video/quicktime",
  "video/3gpp",
  "audio/mpeg",
  "audio/mp4",
  "audio/aac",
  "audio/ogg",
  "audio/opus",
  "audio/wav",
  "audio/webm",
  "audio/x-m4a",
  "application/pdf",
]);

/**
 * On every /clips answer, page or file: no sniffing, no scripts, no subresources, no plugins.
 * Other origins may embed the file (a webview, the web chat under another host name).
 */
export const CLIP_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
  "cross-origin-resource-policy": "cross-origin",
} as const;

export interface ServedAs {
  contentType: string;
  disposition: string;
}

/** The headers a file of this declared type and name is sent with. */
export function servedAs(declaredType: string | undefined, fileName: string | undefined): ServedAs {
  const type = (declaredType ?? "").split(";")[0]!.trim().toLowerCase();
  const inline = INLINE_TYPES.has(type);
  return {
    contentType: inline ? type : "application/octet-stream",
    disposition: contentDisposition(inline ? "inline" : "attachment", fileName),
  };
}

/** RFC 6266: an ASCII fallback name for old clients and the exact UTF-8 name for the rest. */
function contentDisposition(kind: "inline" | "attachment", fileName: string | undefined): string {
  if (!fileName) return kind;
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
