import { create } from 'zustand';

/** SPEC R-GEN-1: Japanese first, English second. */
export type Lang = 'ja' | 'en';

type LanguageState = { lang: Lang; setLang: (lang: Lang) => void };

export const useLanguage = create<LanguageState>((set) => ({
  lang: 'ja',
  setLang: (lang) => set({ lang }),
}));
