/**
 * Links to a clip that ChoEm serves itself (for Zalo and web chat parents, who cannot open a
 * Telegram file): /clips/<code>?exp=<unix seconds>&sig=<HMAC-SHA256 of code and expiry>.
 * Anyone with the link may open it until it expires, so it carries no personal data. The MAC
 * is cut to 128 bits to keep the link short enough to forward; that is still unguessable.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface ClipLinks {
  url(code: string, now?: Date): string;
  verify(code: string, exp: string, sig: string, now?: Date): "valid" | "bad-signature" | "expired";
}

export interface ClipLinkOptions {
  /** HMAC key; at least 32 bytes of randomness (not a placeholder). */
  secret: string | Buffer;
  /** PUBLIC_URL: links must open from a parent's phone. */
  publicUrl: string;
  ttlSeconds?: number;
}

const SIGNATURE_BYTES = 16;
/** base64url of 16 bytes, unpadded: exactly 22 characters. */
const SIGNATURE_SHAPE = /^[A-Za-z0-9_-]{22}$/;
export const DEFAULT_LINK_TTL_SECONDS = 7 * 24 * 3600;

export function createClipLinks(options: ClipLinkOptions): ClipLinks {
  if (Buffer.byteLength(options.secret) < 16)
    throw new Error("the clip link secret is too short (need 16+ bytes)");
  const base = options.publicUrl.replace(/\/+$/, "");
  const ttl = options.ttlSeconds ?? DEFAULT_LINK_TTL_SECONDS;
  const sign = (code: string, exp: string) =>
    createHmac("sha256", options.secret).update(`${code}.${exp}`).digest().subarray(0, SIGNATURE_BYTES);

  return {
    url(code, now = new Date()) {
      const exp = String(Math.floor(now.getTime() / 1000) + ttl);
      const sig = sign(code, exp).toString("base64url");
      return `${base}/clips/${encodeURIComponent(code)}?exp=${exp}&sig=${sig}`;
    },
    verify(code, exp, sig, now = new Date()) {
      if (!/^[1-9]\d{0,11}$/.test(exp)) return "bad-signature";
      const given = strictSignature(sig);
      if (!given) return "bad-signature";
      const expected = sign(code, exp);
      // Length first: timingSafeEqual throws on different lengths, and the length is no secret.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad-signature";
      return Number(exp) * 1000 <= now.getTime() ? "expired" : "valid";
    },
  };
}

/**
 * The signature's bytes only when `sig` is exactly how url() writes them. Node's base64url
 * decoder is lenient: it skips characters outside the alphabet, accepts padding and stops at
 * garbage, and the last character's unused bits are ignored, so many strings decode to the same
 * bytes. A link is accepted in one spelling only: decoding and encoding again must give `sig`.
 */
function strictSignature(sig: string): Buffer | undefined {
  if (!SIGNATURE_SHAPE.test(sig)) return undefined;
  const bytes = Buffer.from(sig, "base64url");
  if (bytes.length !== SIGNATURE_BYTES || bytes.toString("base64url") !== sig) return undefined;
  return bytes;
}
