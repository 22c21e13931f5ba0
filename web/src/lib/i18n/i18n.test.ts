import { afterEach, describe, expect, it, vi } from 'vitest';
import { ar } from './locales/ar';
import { en } from './locales/en';
import { LANGUAGE_STORAGE_KEY, detectLanguage } from './languages';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`.replace(pluralSuffix, '')] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  it('Arabic has exactly the English keys (plural forms aside)', () => {
    expect(new Set(keys(ar))).toEqual(new Set(keys(en)));
  });

  it('Arabic plurals have all six forms', () => {
    const arPlurals = Object.keys(ar.sessions).filter((key) => key.startsWith('badgeCount_'));
    expect(arPlurals.sort()).toEqual(
      ['badgeCount_few', 'badgeCount_many', 'badgeCount_one', 'badgeCount_other', 'badgeCount_two', 'badgeCount_zero'],
    );
  });
});

describe('detectLanguage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prefers the stored choice', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ar');
    expect(detectLanguage()).toBe('ar');
  });

  it('falls back to the browser language, then English', () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['ar-EG', 'en']);
    expect(detectLanguage()).toBe('ar');
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    expect(detectLanguage()).toBe('en');
  });

  it('ignores a stored value it does not know', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'xx');
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['en-US']);
    expect(detectLanguage()).toBe('en');
  });
});
