/** Reads a QR code back out of a PNG, as a phone camera would: the text inside, or undefined. */
import jsQRImport from "jsqr";
import { PNG } from "pngjs";

type JsQr = typeof jsQRImport.default;
// jsqr is CommonJS with an ES-style default in its types: under NodeNext the function is `.default`,
// under vitest's interop it is the import itself.
const jsQR: JsQr = (jsQRImport as unknown as { default?: JsQr }).default ?? (jsQRImport as unknown as JsQr);

export function scanQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
