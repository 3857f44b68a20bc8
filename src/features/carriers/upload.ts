/**
 * Receiving the carrier's result file without a multipart package (docs/carriers.md#upload):
 * the console's form posts `multipart/form-data` from a plain file input, which this small
 * parser reads into { _csrf, file } so the shell's CSRF check finds its token in the body as
 * for any form; a script may instead POST the raw file as `application/octet-stream` with the
 * token in the `x-csrf-token` header. Registered only inside the carriers' own routes.
 */
import type { FastifyInstance } from "fastify";

export const UPLOAD_LIMIT = 2 * 1024 * 1024;

export interface Uploaded {
  _csrf?: string;
  file?: Buffer;
  fileName?: string;
}

export function acceptUploads(app: FastifyInstance): void {
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT },
    (_request, body, done) => done(null, { file: body as Buffer } satisfies Uploaded),
  );
  app.addContentTypeParser(
    /^multipart\/form-data/,
    { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT },
    (request, body, done) => {
      const boundary = String(request.headers["content-type"]).match(/boundary="?([^";]+)"?/i)?.[1];
      if (!boundary) return done(new Error("multipart without a boundary"), undefined);
      done(null, parseMultipart(body as Buffer, boundary));
    },
  );
}

/** The parts of a multipart body: text fields by name, and the first file. */
export function parseMultipart(body: Buffer, boundary: string): Uploaded {
  const found: Uploaded = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split >= 0) {
      const headers = part.subarray(0, split).toString("utf8");
      const content = part.subarray(split + 4);
      const name = headers.match(/name="([^"]*)"/i)?.[1];
      const fileName = headers.match(/filename="([^"]*)"/i)?.[1];
      if (fileName !== undefined && !found.file && content.length > 0) {
        found.file = Buffer.from(content);
        found.fileName = fileName;
      } else if (name === "_csrf") found._csrf = content.toString("utf8");
    }
    at = next;
  }
  return found;
}
