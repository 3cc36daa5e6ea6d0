import { OfflineRefusalNote } from '../../components/OfflineRefusalNote';
import { Screen } from '../../components/Screen';
import { BackActions, NavButton } from '../../components/ScreenActions';
import { useT } from '../../i18n';
import { adminPort, useTokenImport } from '../../stores/tokenImport';
import { TokenImport } from './TokenImport';

const STEP = { choose: 0, preview: 1, running: 1, done: 2 } as const;

/** 設定・管理 > 利用者管理 > ハードトークン取込 (masters and admins); the guide gives it no screen ID. */
export function TokenImportScreen() {
  const t = useT();
  const phase = useTokenImport((s) => s.phase);
  const reset = useTokenImport((s) => s.reset);
  const ti = t.tokenImport;
  return (
    <Screen
      section={ti.section}
      title={ti.title}
      notice={<OfflineRefusalNote />}
      steps={{ names: ti.steps, current: STEP[phase] }}
      lead={ti.intro}
      actions={phase === 'choose' && <BackActions to="userMenu" label={ti.toMenu} />}
    >
      <TokenImport
        port={adminPort}
        afterDone={
          <>
            <NavButton to="userMenu" label={ti.toMenu} />
            <button type="button" className="button" onClick={reset}>
              {ti.again}
            </button>
          </>
        }
      />
    </Screen>
  );
}
