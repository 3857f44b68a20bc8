/**
 * Reads the request bodies the fake Bot API receives: JSON, or the multipart/form-data grammY
 * sends for uploads. Lenient on purpose: grammY writes part headers without spaces and leaves
 * file names unquoted.
 */

/** An uploaded file as the fake records it, in place of the `attach://…` reference. */
export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

export function parseBody(contentType: string | undefined, body: Buffer): Record<string, unknown> {
  const type = contentType ?? "";
  if (body.length === 0) return {};
  if (type.includes("application/json")) return JSON.parse(body.toString("utf8"));
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/.exec(type);
  if (type.includes("multipart/form-data") && boundary)
    return parseMultipart(body, boundary[1] ?? boundary[2]!);
  return {};
}

function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    const end = body.indexOf(delimiter, partStart);
    if (end === -1) break;
    // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    const part = body.subarray(partStart + 2, end - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const content = part.subarray(headerEnd + 4);
      const name = /(?:^|[;\s])name="([^"]*)"/i.exec(headers)?.[1];
      const fileName = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
      if (name !== undefined && fileName !== undefined)
        files.set(name, { fileName, data: Buffer.from(content) });
      else if (name !== undefined) fields[name] = fieldValue(content.toString("utf8"));
    }
    start = end;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && value.startsWith("attach://")) {
      fields[key] = files.get(value.slice("attach://".length)) ?? value;
    }
  }
  return fields;
}

/** grammY sends objects (reply_markup) as JSON text and everything else as plain text. */
function fieldValue(text: string): unknown {
  if (!text.startsWith("{") && !text.startsWith("[")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
