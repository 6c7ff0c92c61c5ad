// ISO 8601 dates and date-times, read without a clock: the only time stepscore knows is the time it is given.

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The instant an ISO 8601 date or date-time names, in milliseconds since 1970 UTC; null when `text` is not
 * one (or names a day that does not exist, such as 2025-02-30). A date is its midnight UTC; a date-time
 * without an offset is read as UTC, so the same text means the same instant wherever the code runs.
 *
 * @internal
 */
export function parseInstant(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const m = ISO.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59)
    return null;
  const ms = frac === undefined ? 0 : Number(`0.${frac}`) * 1000;
  let t = Date.UTC(year, month - 1, day, hour, minute, second) + ms;
  // Date.UTC maps years 0–99 to 1900–1999; ISO years are literal.
  if (year < 100) t = new Date(t).setUTCFullYear(year);
  if (offset !== undefined && offset !== "Z") {
    const sign = offset.startsWith("-") ? -1 : 1;
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    t -= sign * (oh * 60 + om) * 60_000;
  }
  return t;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Weeks between two instants, unrounded (days / 7). @internal */
export function weeksBetween(from: number, to: number): number {
  return (to - from) / DAY_MS / 7;
}
