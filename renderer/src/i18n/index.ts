import type { AppError } from '../../../shared/errors';
import { useLanguage } from '../stores/language';
import { en } from './en';
import { describeError } from './errors';
import { ja, type Dictionary } from './ja';

const dictionaries = { ja, en } as const;

/** The current language's labels. */
export function useT(): Dictionary {
  return dictionaries[useLanguage((s) => s.lang)];
}

/** Turns a refusal into a message in the current language; undefined stays undefined. */
export function useErrorText(): (error: AppError | null | undefined) => string | undefined {
  const lang = useLanguage((s) => s.lang);
  return (error) => (error ? describeError(error, lang) : undefined);
}
