/**
 * The text of a PDF pdfmake wrote, without a PDF library: its streams are inflated, each
 * embedded font's ToUnicode map read, and the hex strings of the page decoded with every map
 * (a run in another font decodes to noise, which no assertion looks for).
 */
import { inflateSync } from "node:zlib";

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf("endstream", start);
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(bytes).toString("latin1"));
    } catch {
      streams.push(bytes.toString("latin1"));
    }
  }
  const maps = streams.filter((s) => s.includes("begincmap")).map(readCmap);
  const hex = streams
    .filter((s) => /Tj|TJ/.test(s) && !s.includes("begincmap"))
    .flatMap((s) => [...s.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => m[1]!));
  return maps.map((map) => hex.map((h) => decode(h, map)).join("")).join("\n");
}

function readCmap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const unicode = (h: string) =>
    String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((u) => Number.parseInt(u, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(m[1]!.toLowerCase(), unicode(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const from = Number.parseInt(m[1]!, 16);
      const targets = [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => t[1]!);
      for (const [i, target] of targets.entries())
        map.set((from + i).toString(16).padStart(m[1]!.length, "0"), unicode(target));
    }
  return map;
}

function decode(hex: string, map: Map<string, string>): string {
  const width = [...map.keys()][0]?.length ?? 4;
  return (hex.toLowerCase().match(new RegExp(`.{${width}}`, "g")) ?? [])
    .map((code) => map.get(code) ?? "")
    .join("");
}
