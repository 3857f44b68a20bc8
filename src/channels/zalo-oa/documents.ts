/**
 * Which documents the OA API takes as files: PDF, DOC and DOCX only; it refuses other types
 * (docs/platforms/zalo-oa.md §5), so those go out as links instead. Judged by MIME type, then by extension.
 */
import type { MediaSource } from "../../core/messages.js";

const BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};
const ACCEPTED = new Set(Object.values(BY_EXTENSION));

/** The MIME type to upload with, or undefined when Zalo would not take the file. */
export function documentMimeType(fileName: string, source: MediaSource): string | undefined {
  const declared =
    source.kind === "bytes"
      ? source.mimeType
      : source.kind === "platform-file"
        ? source.file.mimeType
        : undefined;
  const mime = declared?.split(";")[0]?.trim().toLowerCase();
  if (mime && ACCEPTED.has(mime)) return mime;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension ? BY_EXTENSION[extension] : undefined;
}

/** A name for the upload: the one we were given, else the last segment of the URL. */
export function fileNameOf(source: MediaSource): string {
  if (source.kind === "bytes") return source.fileName;
  if (source.kind === "platform-file" && source.file.fileName) return source.file.fileName;
  const url = source.kind === "url" ? source.url : (source.file.url ?? source.file.fileId);
  try {
    const last = new URL(url).pathname.split("/").filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : "document";
  } catch {
    return "document";
  }
}

/** The size when we know it before fetching anything. */
export function sizeOf(source: MediaSource): number | undefined {
  if (source.kind === "bytes") return source.data.length;
  return source.kind === "platform-file" ? source.file.sizeBytes : undefined;
}
