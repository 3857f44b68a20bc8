/**
 * One table, two files: what staff send a carrier is built once as rows and written as CSV
 * (UTF-8 with a BOM, so Excel shows Vietnamese letters) or XLSX (exceljs); what a carrier sends
 * back is read from either into the same rows of cells, with the file's line numbers.
 */
import ExcelJS from "exceljs";

export interface Sheet {
  header: string[];
  rows: Array<Array<string | number>>;
}

export type SheetFormat = "csv" | "xlsx";

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const quote = (cell: string | number) => {
  const text = String(cell);
  // A cell starting with = + - @ would run as a formula in a spreadsheet: prefix it.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function writeSheet(sheet: Sheet, format: SheetFormat, name: string): Promise<Buffer> {
  if (format === "csv") {
    const lines = [sheet.header, ...sheet.rows].map((row) => row.map(quote).join(","));
    return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
  }
  const book = new ExcelJS.Workbook();
  const tab = book.addWorksheet(name.slice(0, 31));
  tab.addRow(sheet.header);
  tab.getRow(1).font = { bold: true };
  for (const row of sheet.rows) tab.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A row of the uploaded file: its line number in the file (1 is the header) and its cells. */
export interface ReadRow {
  line: number;
  cells: string[];
}

/** XLSX files start with "PK" (a zip); anything else is read as CSV text. */
export async function readSheet(file: Buffer): Promise<ReadRow[]> {
  if (file[0] === 0x50 && file[1] === 0x4b) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ExcelJS.Buffer);
    const tab = book.worksheets[0];
    const rows: ReadRow[] = [];
    tab?.eachRow({ includeEmpty: false }, (row, line) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push({ line, cells: values.map((v) => cellText(v)) });
    });
    return rows;
  }
  return parseCsv(file.toString("utf8").replace(/^\uFEFF/, ""));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value)
    return (value as { richText: Array<{ text: string }> }).richText
      .map((part) => part.text)
      .join("")
      .trim();
  if (typeof value === "object" && "text" in value) return String((value as { text: unknown }).text).trim();
  if (typeof value === "object" && "result" in value)
    return String((value as { result: unknown }).result).trim();
  return String(value).trim();
}

/** RFC 4180 with "," or ";" (Excel in Vietnamese locales writes ";"), quoted cells, CRLF or LF. */
export function parseCsv(text: string): ReadRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: ReadRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRow = () => {
    cells.push(cell.trim());
    if (cells.some((c) => c !== "")) rows.push({ line: startLine, cells });
    cells = [];
    cell = "";
    startLine = line;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      cells.push(cell.trim());
      cell = "";
    } else if (ch === "\n") {
      line++;
      endRow();
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}
