import { meetsBackupPassphraseRule } from '../../../shared/input/backupPassphrase';
import { useT } from '../i18n';
import '../styles/passwordRules.css';

/**
 * The backup passphrase's one rule (shared/input/backupPassphrase), shown met or unmet as the user types, in
 * words as well as by mark, as PasswordRules shows a password's.
 */
export function PassphraseRule({ id, passphrase }: { id: string; passphrase: string }) {
  const t = useT();
  const b = t.backup;
  const typed = passphrase !== '';
  const ok = meetsBackupPassphraseRule(passphrase);
  return (
    <div className="password-rules">
      <p id={`${id}-heading`} className="rules-heading">
        {b.rulesHeading}
      </p>
      <ul id={id}>
        <li className={!typed ? 'rule' : ok ? 'rule rule-met' : 'rule rule-unmet'}>
          {b.passphraseRule}
          {typed && <span className="visually-hidden">: {ok ? b.met : b.unmet}</span>}
        </li>
      </ul>
    </div>
  );
}
