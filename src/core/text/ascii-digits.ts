/**
 * Fullwidth digits and plus (what a phone keyboard in a CJK input mode types) as ASCII. Only
 * those: other scripts' digits, superscripts and circled numbers stay what they are and are
 * refused where a number is asked, so what ChoEm reads is what the person plainly typed.
 */
export function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
