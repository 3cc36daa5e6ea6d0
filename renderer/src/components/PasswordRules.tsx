import { checkPassword, type PasswordContext, type PasswordRule } from '../../../shared/input/passwordPolicy';
import { useT } from '../i18n';
import '../styles/passwordRules.css';

type Props = {
  /** The list's element ID: the password input names it in aria-describedby. */
  id: string;
  label: string;
  password: string;
  context: PasswordContext;
  /** The other password of the pair, for "differs" (ログインパスワード / 認証パスワード). */
  otherLabel: string;
};

/**
 * shared/input/passwordPolicy's rules, each shown met or unmet as the user types, in words as well as by mark.
 * The input is described by the list, so a screen reader reads the rules with the field; a polite live summary
 * speaks only when the count of met rules changes, not at every key. "Differs" against a password the screen
 * does not hold (a stored one) is listed unmarked: only the main process can tell.
 */
export function PasswordRules({ id, label, password, context, otherLabel }: Props) {
  const t = useT();
  const r = t.passwordRules;
  const names: Record<PasswordRule, string> = { ...r, differs: r.differs(otherLabel) };
  const typed = password !== '';
  const checks = checkPassword(password, context).map((c) => ({ ...c, known: typed && (c.rule !== 'differs' || context.otherPassword !== undefined) }));
  const known = checks.filter((c) => c.known);
  const met = known.filter((c) => c.ok).length;
  return (
    <div className="password-rules">
      <p id={`${id}-heading`} className="rules-heading">
        {r.heading(label)}
      </p>
      <ul id={id}>
        {checks.map(({ rule, ok, known: shown }) => (
          <li key={rule} className={!shown ? 'rule' : ok ? 'rule rule-met' : 'rule rule-unmet'}>
            {names[rule]}
            {shown && <span className="visually-hidden">: {ok ? r.met : r.unmet}</span>}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {typed ? r.summary(label, met, known.length) : ''}
      </p>
    </div>
  );
}
