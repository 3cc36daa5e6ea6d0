/**
 * Password rules, shared so the setup and user screens show each rule as the user types and the main process
 * enforces the same list. Login and authentication passwords follow the same rules and must differ.
 */
export const PASSWORD_RULES = ['length', 'letter', 'digit', 'notLoginId', 'differs'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 32;

export type PasswordContext = { readonly loginId: string; readonly otherPassword?: string };

const checks: Record<PasswordRule, (password: string, context: PasswordContext) => boolean> = {
  length: (p) => p.length >= PASSWORD_MIN && p.length <= PASSWORD_MAX,
  letter: (p) => /[A-Za-z]/.test(p),
  digit: (p) => /[0-9]/.test(p),
  notLoginId: (p, c) => !c.loginId || !p.toLowerCase().includes(c.loginId.toLowerCase()),
  differs: (p, c) => c.otherPassword === undefined || p !== c.otherPassword,
};

/** Every rule with whether the password meets it, in display order. */
export function checkPassword(password: string, context: PasswordContext): { rule: PasswordRule; ok: boolean }[] {
  return PASSWORD_RULES.map((rule) => ({ rule, ok: checks[rule](password, context) }));
}

export const failedRules = (password: string, context: PasswordContext): PasswordRule[] =>
  checkPassword(password, context)
    .filter((r) => !r.ok)
    .map((r) => r.rule);
