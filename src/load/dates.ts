/**
 * Dates in the outline, read strictly. The deck's `date` is also written into the file: as
 * `dcterms:created` (W3CDTF, years 0000 to 9999) and as every zip entry's date (MS-DOS dates,
 * 1980 to 2107). An impossible date (2024-02-30, 31 April) is refused rather than rolled over to
 * the next month, a year the file cannot hold is refused, and one the zip cannot hold is clamped
 * with a warning.
 */

export const ZIP_FIRST_YEAR = 1980;
export const ZIP_LAST_YEAR = 2107;
export const LAST_YEAR = 9999;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export interface DateReading {
  /** The instant, when the text names one deckgen can use. */
  date?: Date;
  error?: string;
  warning?: string;
}

function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(lower));
  return i < 0 ? undefined : i + 1;
}

/** Year, month and day as written: ISO (2024-02-30), "30 February 2024" or "February 30, 2024". */
function calendarParts(text: string): { year: number; month: number; day?: number; time?: number[] } | undefined {
  const iso = /^([+-]?\d{4,6})-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/.exec(text);
  if (iso) {
    const time = iso[4] === undefined ? undefined : [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    return { year: Number(iso[1]), month: Number(iso[2]), ...(iso[3] ? { day: Number(iso[3]) } : {}), ...(time ? { time } : {}) };
  }
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{1,6})$/.exec(text);
  const monthFirst = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{1,6})$/.exec(text);
  const [day, name, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  const month = name === undefined ? undefined : monthIndex(name);
  if (month === undefined) return undefined;
  return { year: Number(year), month, day: Number(day) };
}

/** Reads an outline date. Free text ("Q3 2024") is fine: it is shown as written. */
export function readDate(text: string): DateReading {
  const trimmed = text.trim();
  const parts = calendarParts(trimmed);
  if (parts) {
    const { year, month, day, time } = parts;
    if (month < 1 || month > 12) return { error: `"${trimmed}" is not a date: there is no month ${month}` };
    if (day !== undefined && (day < 1 || day > daysIn(year, month))) {
      return { error: `"${trimmed}" is not a date: ${MONTHS[month - 1]!.replace(/^./, (c) => c.toUpperCase())} ${year} has ${daysIn(year, month)} days` };
    }
    if (time && (time[0]! > 23 || time[1]! > 59 || time[2]! > 59)) return { error: `"${trimmed}" is not a time of day` };
  }
  let ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) {
    // A year anywhere in free text ("Q3 2024") dates the file; anything else keeps the default.
    const year = /\b(19|20)\d{2}\b/.exec(trimmed)?.[0];
    if (!year) return {};
    ms = Date.UTC(Number(year), 0, 1);
  }
  return checkYear(new Date(ms), `"${trimmed}"`);
}

/** A date the file can hold: refused past year 9999 (or before year 0), clamped outside 1980-2107. */
export function checkYear(date: Date, what: string): DateReading {
  const year = date.getUTCFullYear();
  if (year < 0 || year > LAST_YEAR) return { error: `${what} is a date the file cannot hold (years 0000 to ${LAST_YEAR})` };
  if (year < ZIP_FIRST_YEAR || year > ZIP_LAST_YEAR) {
    return { date, warning: `${what} is outside the years a zip file can date its parts (${ZIP_FIRST_YEAR} to ${ZIP_LAST_YEAR}); the parts are dated ${year < ZIP_FIRST_YEAR ? `${ZIP_FIRST_YEAR}-01-01` : `${ZIP_LAST_YEAR}-12-31`} instead` };
  }
  return { date };
}

/** SOURCE_DATE_EPOCH, when set: whole seconds since 1970 that give a year the file can hold. */
export function readEpoch(value: string): DateReading {
  if (!/^\d+$/.test(value)) return { error: `SOURCE_DATE_EPOCH=${value.slice(0, 40)} is not a whole number of seconds` };
  const date = new Date(Number(value) * 1000);
  if (Number.isNaN(date.getTime())) return { error: `SOURCE_DATE_EPOCH=${value.slice(0, 40)} is past any date the file can hold (years 0000 to ${LAST_YEAR})` };
  const checked = checkYear(date, `SOURCE_DATE_EPOCH=${value}`);
  // Reproducible builds often use 0 (1970): zip dates are clamped to 1980 without a word, as zip tools do.
  return checked.error ? checked : { date };
}
