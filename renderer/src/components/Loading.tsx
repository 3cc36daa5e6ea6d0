import { useT } from '../i18n';

/** 読み込み中…, announced politely while a screen waits for the main process. */
export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t.app.loading}
    </p>
  );
}
