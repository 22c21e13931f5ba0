import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatHours, isoDuration } from './format';

describe('format', () => {
  it('shows durations as a clock', () => {
    expect(formatClock('en', 0)).toBe('00:00:00');
    expect(formatClock('en', 65)).toBe('00:01:05');
    expect(formatClock('en', 3723)).toBe('01:02:03');
    expect(formatClock('en', 100 * 3600)).toBe('100:00:00');
    expect(formatClock('en', -5)).toBe('00:00:00');
  });

  it('uses the digits of the locale', () => {
    expect(formatClock('ar-u-nu-arab', 3723)).toBe('٠١:٠٢:٠٣');
  });

  it('shows sizes in decimal units', () => {
    expect(formatBytes('en', 512)).toBe('512 byte');
    expect(formatBytes('en', 43_600_000)).toBe('43.6 MB');
    expect(formatBytes('en', 1_500_000_000)).toBe('1.5 GB');
  });

  it('shows total hours with the unit spelled out, in the language', () => {
    expect(formatHours('en', 5.5 * 3600)).toBe('5.5 hours');
    expect(formatHours('en', 36 * 60)).toBe('36 minutes');
    expect(formatHours('en', 12)).toBe('12 seconds');
    expect(formatHours('en', 0)).toBe('0 seconds');
    expect(formatHours('ar', 3600)).toBe(new Intl.NumberFormat('ar', { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(1));
  });

  it('writes ISO 8601 durations for <time>', () => {
    expect(isoDuration(65.7)).toBe('PT65S');
  });
});
