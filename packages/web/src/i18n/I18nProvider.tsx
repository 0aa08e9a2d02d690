import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { pickLocale } from './format';
import { DEFAULT_LOCALE, LOCALES, type Translate } from './index';
import { createTranslator, type Translator } from './translate';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

const I18nContext = createContext<Translator | null>(null);

function browserLocale(): string {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return pickLocale(preferred, Object.keys(LOCALES), DEFAULT_LOCALE);
}

export function I18nProvider({ children, locale }: { children: ReactNode; locale?: string }) {
  const chosen = locale ?? browserLocale();
  const translator = useMemo(() => {
    const fallback = LOCALES[DEFAULT_LOCALE];
    if (!fallback) throw new Error(`the default locale ${DEFAULT_LOCALE} is missing`);
    return createTranslator(chosen, LOCALES[chosen] ?? fallback, fallback);
  }, [chosen]);

  useEffect(() => {
    document.documentElement.lang = chosen;
    document.documentElement.dir = RTL_LANGUAGES.has(chosen.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  }, [chosen]);

  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useI18n(): Translator {
  const translator = useContext(I18nContext);
  if (!translator) throw new Error('useI18n must be used inside <I18nProvider>');
  return translator;
}

export function useT(): Translate {
  return useI18n().t;
}
