/**
 * Dates as families and staff in Vietnam read them: 01/12/2026 and 14:05, in Vietnam's time
 * zone whatever the server's, in both languages (the console's English readers are in Vietnam too).
 */
const ZONE = "Asia/Ho_Chi_Minh";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function formatDate(at: Date | number): string {
  return dateFormat.format(at);
}

export function formatDateTime(at: Date | number): string {
  return `${dateFormat.format(at)} ${timeFormat.format(at)}`;
}
