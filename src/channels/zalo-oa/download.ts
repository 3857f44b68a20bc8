/**
 * Fetches a document we hold only as a URL, so it can be uploaded to Zalo as a file. Reading stops
 * past the upload limit: a bigger file goes out as a link, and we never buffer more than that.
 */
export type Download = { ok: true; data: Buffer } | { ok: false; problem: "too-big" | "failed" };

const DOWNLOAD_TIMEOUT_MS = 30_000;

export async function downloadFile(doFetch: typeof fetch, url: string, maxBytes: number): Promise<Download> {
  try {
    const response = await doFetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return { ok: false, problem: "failed" };
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body.cancel();
      return { ok: false, problem: "too-big" };
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, problem: "too-big" };
      }
      chunks.push(value);
    }
    return { ok: true, data: Buffer.concat(chunks) };
  } catch {
    return { ok: false, problem: "failed" };
  }
}
