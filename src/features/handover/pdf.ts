/**
 * The school's handover list as a PDF to print and sign, the same rows as the page. pdfmake
 * runs on the server with its bundled Roboto (it has every Vietnamese letter), and may read
 * nothing from disk but those fonts and fetch nothing.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";

const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve("pdfmake/package.json")),
  "fonts",
  "Roboto",
);
pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, "Roboto-Regular.ttf"),
    bold: join(FONT_DIR, "Roboto-Medium.ttf"),
    italics: join(FONT_DIR, "Roboto-Italic.ttf"),
    bolditalics: join(FONT_DIR, "Roboto-MediumItalic.ttf"),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

export interface SheetRow {
  pupil: string;
  className: string;
  device: string;
  serial: string;
}

export interface Sheet {
  title: string;
  school: string;
  date: string;
  /** Column headings: STT, pupil, class, device, serial, signature. */
  headings: string[];
  rows: SheetRow[];
}

export function handoverPdf(sheet: Sheet): Promise<Buffer> {
  const body = [
    sheet.headings.map((text) => ({ text, bold: true })),
    ...sheet.rows.map((row, index) => [
      String(index + 1),
      row.pupil,
      row.className,
      row.device,
      row.serial,
      "",
    ]),
  ];
  const doc: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [28, 36, 28, 36],
    defaultStyle: { font: "Roboto", fontSize: 10 },
    content: [
      { text: sheet.title, fontSize: 14, bold: true },
      { text: sheet.school, fontSize: 12, margin: [0, 4, 0, 0] },
      { text: sheet.date, margin: [0, 2, 0, 10] },
      {
        table: { headerRows: 1, widths: [24, "*", 44, 80, 90, 90], heights: 26, body },
      },
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
