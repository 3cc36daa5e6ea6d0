import { useEffect, useState } from 'react';
import type { UserSort } from '../../../../shared/contract';
import { Alert } from '../../components/Alert';
import { ScreenHeader } from '../../components/ScreenHeader';
import { StepIndicator } from '../../components/StepIndicator';
import { useErrorText, useT } from '../../i18n';
import { useRevocation } from '../../stores/revocation';
import { RevocationForm } from './RevocationForm';
import { UserList } from './UserList';
import '../../styles/revocation.css';

/** BRSK027 (SPEC R-REV-1..3, R-REV-2a): the company's users, the selection, and the step-up to revoke. */
export function RevocationScreen() {
  const t = useT();
  const describe = useErrorText();
  const load = useRevocation((s) => s.load);
  const listError = useRevocation((s) => s.listError);
  const shownSort = useRevocation((s) => s.sort);
  const [sort, setSort] = useState<UserSort>(shownSort);
  useEffect(() => {
    void load(useRevocation.getState().sort);
  }, [load]);
  return (
    <>
      <ScreenHeader section={t.revoke.section} title={t.revoke.title} screenId="BRSK027" />
      <StepIndicator steps={t.revoke.steps} current={0} />
      <div className="consequences">
        {t.revoke.intro.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <Alert message={describe(listError)} />
      <section className="panel" aria-labelledby="user-list-heading">
        <h2 id="user-list-heading">{t.revoke.list}</h2>
        <div className="sort-bar">
          <label htmlFor="sort-order">{t.revoke.sort}</label>
          <select id="sort-order" value={sort} onChange={(e) => setSort(e.target.value as UserSort)}>
            {(Object.keys(t.sorts) as UserSort[]).map((key) => (
              <option key={key} value={key}>
                {t.sorts[key]}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => void load(sort)}>
            {t.revoke.refresh}
          </button>
        </div>
        <UserList />
      </section>
      <RevocationForm />
    </>
  );
}
