export const supportedLanguages = ['en', 'ar'] as const;
export type Language = (typeof supportedLanguages)[number];

export const defaultLanguage: Language = 'en';

export const LANGUAGE_STORAGE_KEY = 'itqan.language';

/** Each language's name in itself, as a language switch shows it. */
export const languageNames: Record<Language, string> = { en: 'English', ar: 'العربية' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The stored choice, else the browser's preference, else English. */
export function detectLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies); fall through to the browser's preference.
  }
  const preferred = window.navigator.languages[0] ?? window.navigator.language;
  return preferred.toLowerCase().startsWith('ar') ? 'ar' : defaultLanguage;
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not being able to remember the choice is not worth an error.
  }
}

export function applyDocumentLanguage(language: Language): void {
  const root = window.document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}
