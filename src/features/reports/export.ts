/**
 * A report table as a file: CSV (UTF-8 with a byte-order mark, so Excel shows Vietnamese
 * letters) or XLSX (exceljs). Both write the page's own rows (tables.ts).
 */
import ExcelJS from "exceljs";
import type { ReportTable } from "./tables.js";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const cell = (value: string | number) => {
  const text = String(value);
  // Quotes for separators, and a leading apostrophe against formula injection in spreadsheets.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function toCsv(table: ReportTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(cell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function toXlsx(table: ReportTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.id);
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
