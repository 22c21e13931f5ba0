import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './locales/ar';
import { en } from './locales/en';
import {
  applyDocumentLanguage,
  defaultLanguage,
  detectLanguage,
  isLanguage,
  storeLanguage,
  supportedLanguages,
  type Language,
} from './languages';

export * from './languages';

export const resources = {
  en: { translation: en },
  ar: { translation: ar },
} as const;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...supportedLanguages],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

i18n.on('languageChanged', (language) => {
  if (isLanguage(language)) applyDocumentLanguage(language);
});
applyDocumentLanguage(currentLanguage());

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
}

/** Switches the UI language, remembers it, and updates `<html lang dir>`. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}
