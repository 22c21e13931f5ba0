import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatBytes,
  formatClock,
  formatDate,
  formatDateTime,
  formatHours,
  formatNumber,
  formatPercent,
} from '@/lib/format';

/** Intl formatters bound to the current UI language; they change when the language does. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(
    () => ({
      locale,
      number: (value: number) => formatNumber(locale, value),
      percent: (share: number) => formatPercent(locale, share),
      dateTime: (iso: string) => formatDateTime(locale, iso),
      date: (iso: string) => formatDate(locale, iso),
      clock: (seconds: number) => formatClock(locale, seconds),
      hours: (seconds: number) => formatHours(locale, seconds),
      bytes: (bytes: number) => formatBytes(locale, bytes),
    }),
    [locale],
  );
}
