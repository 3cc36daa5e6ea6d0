import { useEffect } from 'react';
import { Alert } from '../../components/Alert';
import { Screen } from '../../components/Screen';
import { BackActions } from '../../components/ScreenActions';
import { useSubmission } from '../../components/useSubmission';
import { Loading } from '../../components/Loading';
import { useErrorText, useT } from '../../i18n';
import { AUDIT_PAGE_SIZE, useAudit } from '../../stores/audit';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import '../../styles/audit.css';

/** 設定・管理 > 利用者管理 > 操作履歴 (SPEC R-GEN-2), with CSV出力 of the same rows. No screen ID in the guide. */
export function AuditScreen() {
  const t = useT();
  const describe = useErrorText();
  const { rows, total, offset, loaded, error, exported, search, page, exportCsv } = useAudit();
  const exporting = useSubmission({ ids: {}, labels: {} });
  useEffect(() => {
    void search({});
  }, [search]);
  const a = t.audit;
  const last = Math.min(offset + rows.length, total);
  return (
    <Screen section={t.admin.section} title={a.title} lead={a.intro} actions={<BackActions to="userMenu" label={t.admin.toMenu} />}>
      <AuditFilters />
      <section className="panel" aria-labelledby="audit-list-heading">
        <div className="panel-title">
          <h2 id="audit-list-heading">{a.list}</h2>
          <button type="button" className="button" aria-describedby="audit-export-note" onClick={() => void exporting.submit(exportCsv)}>
            {a.export}
          </button>
        </div>
        <p id="audit-export-note" className="note">
          {a.exportNote}
        </p>
        <Alert message={exporting.formError ?? describe(error)} />
        <Alert tone="info" message={exported ? a.exported(exported) : undefined} />
        {!loaded ? (
          <Loading />
        ) : (
          <>
            <p className="audit-count" role="status">
              {a.count(total, offset + 1, last)}
            </p>
            {rows.length > 0 && <AuditTable rows={rows} />}
            <nav className="pager" aria-label={a.paging}>
              <button type="button" className="button" disabled={offset === 0} onClick={() => void page(Math.max(0, offset - AUDIT_PAGE_SIZE))}>
                {a.prev}
              </button>
              <button type="button" className="button" disabled={last >= total} onClick={() => void page(offset + AUDIT_PAGE_SIZE)}>
                {a.next}
              </button>
            </nav>
          </>
        )}
      </section>
    </Screen>
  );
}
