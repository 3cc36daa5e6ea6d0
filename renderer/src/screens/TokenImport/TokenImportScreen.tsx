import { OfflineRefusalNote } from '../../components/OfflineRefusalNote';
import { ScreenHeader } from '../../components/ScreenHeader';
import { StepIndicator } from '../../components/StepIndicator';
import { useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { adminPort, useTokenImport } from '../../stores/tokenImport';
import { TokenImport } from './TokenImport';

const STEP = { choose: 0, preview: 1, running: 1, done: 2 } as const;

/** 設定・管理 > 利用者管理 > ハードトークン取込 (masters and admins); the guide gives it no screen ID. */
export function TokenImportScreen() {
  const t = useT();
  const go = useNavigation((s) => s.go);
  const phase = useTokenImport((s) => s.phase);
  const reset = useTokenImport((s) => s.reset);
  const ti = t.tokenImport;
  return (
    <>
      <ScreenHeader section={ti.section} title={ti.title} />
      <OfflineRefusalNote />
      <StepIndicator steps={ti.steps} current={STEP[phase]} />
      <p className="lead">{ti.intro}</p>
      <TokenImport
        port={adminPort}
        afterDone={
          <>
            <button type="button" className="button button-back" onClick={() => go('userMenu')}>
              {ti.toMenu}
            </button>
            <button type="button" className="button" onClick={reset}>
              {ti.again}
            </button>
          </>
        }
      />
      {phase === 'choose' && (
        <div className="actions actions-start">
          <button type="button" className="button button-back" onClick={() => go('userMenu')}>
            {ti.toMenu}
          </button>
        </div>
      )}
    </>
  );
}
