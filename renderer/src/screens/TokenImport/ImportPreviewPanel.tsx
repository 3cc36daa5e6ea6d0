import type { ImportPreview } from '../../../../shared/contract';
import { PlainTable, type Column } from '../../components/PlainTable';
import { describeProblem, describeWhere } from '../../format/importWhere';
import { useT } from '../../i18n';

type Token = ImportPreview['sampleTokens'][number];

/** How many problems the main process sends at most (adminModels: "at most 200"). */
const PROBLEMS_CAP = 200;

/** 取込内容の確認: what the file holds, counted by what would happen to each token, and every problem with where it is. */
export function ImportPreviewPanel({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const ti = t.tokenImport;
  const counts = [
    [ti.newCount, preview.newCount],
    [ti.duplicateCount, preview.duplicateCount],
    [ti.otherCompanyCount, preview.otherCompanyCount],
    [ti.expiredCount, preview.expiredCount],
    [ti.malformedCount, preview.malformedCount],
    [ti.total, preview.total],
  ] as const;
  return (
    <section className="panel" aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading">{ti.previewHeading}</h2>
      <table className="plain-table counts-table">
        <caption className="visually-hidden">{ti.counts}</caption>
        <tbody>
          {counts.map(([label, n]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{ti.count(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lead">{ti.willImport(preview.newCount)}</p>
      {preview.sampleTokens.length > 0 && <TokenTable tokens={preview.sampleTokens} />}
      <h3 id="import-problems-heading">{ti.problems}</h3>
      {preview.problems.length === 0 ? (
        <p>{ti.noProblems}</p>
      ) : (
        <>
          {preview.problems.length >= PROBLEMS_CAP && <p className="note">{ti.problemsCapped(preview.problems.length)}</p>}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t.app.scrollable(ti.problems)}>
            <table className="plain-table problem-table">
              <caption className="visually-hidden">{ti.problems}</caption>
              <thead>
                <tr>
                  <th scope="col">{ti.where}</th>
                  <th scope="col">{ti.reason}</th>
                </tr>
              </thead>
              <tbody>
                {preview.problems.map((p, i) => (
                  <tr key={`${p.where}-${p.reason}-${i}`}>
                    <td>{describeWhere(p.where, t)}</td>
                    <td>{describeProblem(p.reason, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Each token's time step and digits; a step other than 60 s is flagged: it is not imported (issue 11 finding 9). */
function TokenTable({ tokens }: { tokens: readonly Token[] }) {
  const ti = useT().tokenImport;
  const c = ti.tokenColumns;
  const columns: Column<Token>[] = [
    { head: c.serial, cell: (token) => token.serial },
    { head: c.step, cell: (token) => ti.stepSeconds(token.periodSeconds) },
    { head: c.digits, cell: (token) => ti.digitsOf(token.digits) },
    { head: c.flag, cell: (token) => (token.flagged ? <strong>{ti.stepFlag}</strong> : ti.stepOk) },
  ];
  return (
    <>
      <h3 id="import-serials-heading">{ti.serials}</h3>
      <PlainTable
        rows={tokens}
        columns={columns}
        rowKey={(token) => token.serial}
        rowClass={(token) => (token.flagged ? 'history-failure' : undefined)}
        className="plain-table token-table"
        labelledBy="import-serials-heading"
      />
    </>
  );
}
