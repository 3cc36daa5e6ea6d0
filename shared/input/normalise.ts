/**
 * A Japanese IME types full-width digits and letters (５２３４０５６９６); NFKC folds them to ASCII so they
 * are accepted rather than refused (SPEC R-TOK-5). Never applied to passwords, which are compared exactly.
 */
export function normaliseWidth(input: string): string {
  return input.normalize('NFKC').trim();
}
