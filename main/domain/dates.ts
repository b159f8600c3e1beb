/**
 * Calendar-date math on `YYYY-MM-DD` strings. Pure: no clock, no time zone of the machine.
 */

export type DateStr = string;

function parts(d: DateStr): [number, number, number] {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return [y, m, day];
}

function fmt(y: number, m: number, d: number): DateStr {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function toEpochDay(d: DateStr): number {
  const [y, m, day] = parts(d);
  return Math.round(Date.UTC(y, m - 1, day) / 86_400_000);
}

function fromEpochDay(n: number): DateStr {
  const dt = new Date(n * 86_400_000);
  return fmt(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(d: DateStr, n: number): DateStr {
  return fromEpochDay(toEpochDay(d) + n);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds calendar months; the day is clamped to the month's end (01-31 + 1 month = 02-28/29). */
export function addMonths(d: DateStr, n: number): DateStr {
  const [y, m, day] = parts(d);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fmt(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

/** Adds years; 02-29 becomes 02-28 in a non-leap year. */
export function addYears(d: DateStr, n: number): DateStr {
  return addMonths(d, n * 12);
}

/** b − a in days. */
export function diffDays(a: DateStr, b: DateStr): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function minDate(...ds: (DateStr | null | undefined)[]): DateStr | null {
  let best: DateStr | null = null;
  for (const d of ds) if (d && (best === null || d < best)) best = d;
  return best;
}

/** The calendar date of an instant in an IANA time zone (the enterprise's, default Asia/Shanghai). */
export function dateInZone(epochMs: number, timeZone: string): DateStr {
  return formatter(`d|${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(new Date(epochMs));
}

// Building an Intl formatter costs far more than using one; keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(d: DateStr): number {
  const wd = new Date(toEpochDay(d) * 86_400_000).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Asia/Shanghai → +8 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const f = formatter(`o|${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
  );
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a calendar day begins in `timeZone` (plus `addDaysCount` days). */
export function dayStartInZone(d: DateStr, timeZone: string, addDaysCount = 0): number {
  const [y, m, day] = parts(addDays(d, addDaysCount));
  const guess = Date.UTC(y, m - 1, day);
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}
