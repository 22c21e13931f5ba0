/**
 * Locale-aware formatting with Intl. Every function takes the BCP 47 locale of the current language
 * (see `useFormatters`), so Arabic gets Arabic month names, separators and digits as CLDR defines them.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

export function formatNumber(locale: string, value: number): string {
  return numberFormat(locale, {}).format(value);
}

/** A share (0–1) as a whole percentage: 0.875 → "88%". */
export function formatPercent(locale: string, share: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatDateTime(locale: string, iso: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(locale: string, iso: string): string {
  return dateFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A running time or a duration as a clock, `01:02:03`, in the locale's digits. */
export function formatClock(locale: string, totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const two = numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return [hours, minutes, seconds % 60].map((part) => two.format(part)).join(':');
}

/** Total hours with one decimal and the unit spelled out: "12.5 hours", "١٢٫٥ ساعة". */
/**
 * A total time in the largest unit that does not round it away: "5.5 hours", "12 minutes", "40 seconds"
 * (a catalogue of short recordings must not read "0 hours").
 */
export function formatHours(locale: string, totalSeconds: number): string {
  const seconds = Math.max(0, totalSeconds);
  const [unit, value] =
    seconds >= 3600 ? (['hour', seconds / 3600] as const)
    : seconds >= 60 ? (['minute', seconds / 60] as const)
    : (['second', seconds] as const);
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** File sizes in decimal (SI) units, as the unit names say: 43_600_000 → "43.6 MB". */
export function formatBytes(locale: string, bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: byteUnits[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** ISO 8601 duration for `<time dateTime>`. */
export function isoDuration(totalSeconds: number): string {
  return `PT${Math.max(0, Math.floor(totalSeconds))}S`;
}
