/**
 * Diacritic- and case-insensitive form of Vietnamese text, for search and for matching what a
 * person typed against option labels: "Trường THCS Chu Văn An" → "truong thcs chu van an".
 * đ/Đ are letters of their own in Unicode, not d plus a mark, so they are folded explicitly.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
