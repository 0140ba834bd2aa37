/**
 * Dates in the outline, read strictly. The deck's `date` is also written into the file: as
 * `dcterms:created` (W3CDTF, years 0000 to 9999) and as every zip entry's date (MS-DOS dates,
 * 1980 to 2107). An impossible date (2024-02-30, 31 April) is refused rather than rolled over to
 * the next month, a year the file cannot hold is refused, and one the zip cannot hold is clamped
 * with a warning.
 *
 * A date is read as written, whatever the machine's time zone (JavaScript's Date.parse reads
 * "10 March 2025" as local midnight, which in Auckland is 9 March in UTC, so the same outline
 * gave different bytes on different machines): calendar dates and times without a zone are UTC.
 * "15.10.2024" is day first, as everywhere dots separate a date; "15/10/2024" and "10/15/2024"
 * can be read one way only; "3/4/2024" could be either, so only its year dates the file, with a
 * warning naming the ISO form.
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
  /** How to fix what the warning names, when the generic advice does not fit. */
  hint?: string;
}

function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(lower));
  return i < 0 ? undefined : i + 1;
}

/** Year, month and day as written: ISO (2024-02-30), "30 February 2024", "February 30, 2024" or "30.02.2024". */
function calendarParts(text: string): { year: number; month: number; day?: number; time?: number[] } | undefined {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return { year: Number(dotted[3]), month: Number(dotted[2]), day: Number(dotted[1]) };
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
    // A zone written out (Z, +02:00) is honoured; anything else is read in UTC.
    const zoned = time !== undefined && /(?:Z|[+-]\d{2}:?\d{2})$/.test(trimmed);
    return checkYear(new Date(zoned ? Date.parse(trimmed) : utc(year, month, day ?? 1, time ?? [0, 0, 0])), `"${trimmed}"`);
  }
  const year = /\b(19|20)\d{2}\b/.exec(trimmed)?.[0];
  if (/^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(trimmed)) {
    const [a, b] = trimmed.split(/[/-]/).map(Number) as [number, number];
    // One order only makes a date (15/10/2024, 10/15/2024): read it so.
    if (a > 12 && b > 12) return { error: `"${trimmed}" is not a date: neither ${a} nor ${b} is a month` };
    const only = year && (a > 12) !== (b > 12) ? (a > 12 ? { day: a, month: b } : { day: b, month: a }) : undefined;
    if (only) {
      if (only.month < 1 || only.day > daysIn(Number(year), only.month)) return { error: `"${trimmed}" is not a date: ${only.month < 1 ? 'there is no month 0' : `${MONTHS[only.month - 1]!.replace(/^./, (c) => c.toUpperCase())} ${year} has ${daysIn(Number(year), only.month)} days`}` };
      return checkYear(new Date(utc(Number(year), only.month, only.day, [0, 0, 0])), `"${trimmed}"`);
    }
    const reading = year ? newYear(year, trimmed) : {};
    const iso = year && a <= 12 && b > 12 ? `${year}-${pad(a)}-${pad(b)}` : year && b <= 12 && a > 12 ? `${year}-${pad(b)}-${pad(a)}` : `${year ?? 'YYYY'}-MM-DD`;
    const warning = `"${trimmed}" could be read day first or month first, so only ${year ? `its year dates the file (${year}-01-01)` : 'the default date dates the file'}`;
    const hint = `write it as ${iso} (year, month, day) to date the file exactly; the title slide shows it as written either way`;
    return reading.error ? reading : { ...reading, warning: reading.warning ? `${warning}; ${reading.warning}` : warning, hint };
  }
  if (/^\d{4}$/.test(trimmed)) return newYear(trimmed, trimmed);
  const parsed = Date.parse(trimmed);
  if (!Number.isNaN(parsed)) {
    // Date.parse read the words in local time: keep the calendar date and time it read, in UTC.
    const local = new Date(parsed);
    return checkYear(new Date(utc(local.getFullYear(), local.getMonth() + 1, local.getDate(), [local.getHours(), local.getMinutes(), local.getSeconds()])), `"${trimmed}"`);
  }
  // A year anywhere in free text ("Q3 2024") dates the file; anything else keeps the default.
  if (!year) return {};
  return newYear(year, trimmed);
}

/** 1 January of `year`, for a date `text` that gives no more than its year. */
const newYear = (year: string, text: string): DateReading => checkYear(new Date(utc(Number(year), 1, 1, [0, 0, 0])), `"${text}"`);

const pad = (n: number): string => String(n).padStart(2, '0');

/** Milliseconds at the given UTC calendar date and time; years 0 to 99 stay themselves (Date.UTC makes them 19xx). */
function utc(year: number, month: number, day: number, [hours = 0, minutes = 0, seconds = 0]: number[]): number {
  const date = new Date(Date.UTC(2000, 0, 1, hours, minutes, seconds));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
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
