import { useT } from '../../i18n';
import { useTokenImport } from '../../stores/tokenImport';

/**
 * 取込状況 while a commit runs, fed by imports:progress; without a progress channel (the first run) the bar is
 * indeterminate until the answer. Named by its label and described by the count in words.
 */
export function ImportProgress({ measured }: { measured: boolean }) {
  const t = useT();
  const progress = useTokenImport((s) => s.progress);
  const phase = useTokenImport((s) => s.phase);
  if (!progress || (phase !== 'running' && phase !== 'done')) return null;
  const known = measured || phase === 'done';
  const text = t.tokenImport.progressText(progress.done, progress.total);
  return (
    <div className="import-progress">
      <label id="import-progress-label" htmlFor="import-progress">
        {t.tokenImport.progress}
      </label>
      {known ? (
        <progress id="import-progress" max={Math.max(progress.total, 1)} value={progress.done} aria-describedby="import-progress-text" />
      ) : (
        <progress id="import-progress" aria-describedby="import-progress-text" />
      )}
      <span id="import-progress-text" role="status">
        {known ? text : t.app.loading}
      </span>
    </div>
  );
}
