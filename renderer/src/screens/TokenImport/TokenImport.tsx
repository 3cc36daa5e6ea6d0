import type { ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { ScreenActions } from '../../components/ScreenActions';
import { useErrorText, useT } from '../../i18n';
import { useTokenImport, type ImportPort } from '../../stores/tokenImport';
import { ImportCommitForm } from './ImportCommitForm';
import { ImportFileForm } from './ImportFileForm';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { ImportProgress } from './ImportProgress';
import '../../styles/import.css';

type Props = {
  port: ImportPort;
  /** What to offer once the tokens are in (続けて取り込む, 完了...). */
  afterDone: ReactNode;
};

/**
 * The import both the first-run setup and ハードトークン取込 use: file → preview → commit → result. The commit
 * form stays while the import runs, so a refusal can come back to its fields.
 */
export function TokenImport({ port, afterDone }: Props) {
  const t = useT();
  const phase = useTokenImport((s) => s.phase);
  const preview = useTokenImport((s) => s.preview);
  const imported = useTokenImport((s) => s.imported);
  if (phase === 'choose' || !preview) return <ImportFileForm port={port} />;
  return (
    <>
      <ImportPreviewPanel preview={preview} />
      {phase !== 'done' && preview.newCount > 0 && <ImportCommitForm port={port} />}
      {phase !== 'done' && preview.newCount === 0 && <NothingToImport />}
      <ImportProgress measured={port.progress !== null} />
      <Alert tone="info" message={phase === 'done' ? t.tokenImport.done(imported) : undefined} />
      {phase === 'done' && <ScreenActions>{afterDone}</ScreenActions>}
    </>
  );
}

function NothingToImport() {
  const t = useT();
  const describe = useErrorText();
  const reset = useTokenImport((s) => s.reset);
  return (
    <div className="panel">
      <p className="banner banner-warning">{describe({ code: 'NOTHING_TO_IMPORT' })}</p>
      <button type="button" className="button button-back" onClick={reset}>
        {t.tokenImport.rechoose}
      </button>
    </div>
  );
}
