import { useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Screen } from '../../components/Screen';
import { BackActions } from '../../components/ScreenActions';
import { Loading } from '../../components/Loading';
import { useErrorText, useT } from '../../i18n';
import type { Dictionary } from '../../i18n/ja';
import { useOfflineFailed, type FailedOutcome } from '../../stores/offlineFailed';
import { DiscardPanel } from './DiscardPanel';
import { FailedTable, type Choice } from './FailedTable';
import { RedoForm } from './RedoForm';
import '../../styles/offline.css';

const outcomeText = (t: Dictionary, outcome: FailedOutcome | null): string | undefined =>
  !outcome ? undefined : outcome.kind === 'discarded' ? t.offline.discarded : outcome.queued ? t.offline.queued(null) : t.offline.redone;

/**
 * 設定・管理 > 同期できなかった操作 (SPEC R-OFF-7, R-OFF-8), for masters and admins of a connected desktop: the
 * operations queued offline that the server refused, each with its reason, to redo or to discard. No screen ID in
 * the guide.
 */
export function OfflineFailedScreen() {
  const t = useT();
  const describe = useErrorText();
  const { operations, loaded, error, outcome, load } = useOfflineFailed();
  const [choice, setChoice] = useState<Choice | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const chosen = choice && operations.find((op) => op.key === choice.key);
  const what = chosen ? t.offline.channels[chosen.channel] : '';
  // The panel goes with its row's choice: the focus returns to the screen's title rather than to nothing.
  const close = () => {
    setChoice(null);
    document.querySelector<HTMLElement>('main h1')?.focus();
  };
  const choose = (next: Choice) => {
    useOfflineFailed.setState({ outcome: null });
    setChoice(next);
  };
  return (
    <Screen
      section={t.menu.settings}
      title={t.offline.failedTitle}
      lead={t.offline.failedIntro}
      actions={<BackActions to="userMenu" label={t.offline.toMenu} />}
    >
      <Alert tone="info" message={outcomeText(t, outcome)} />
      <Alert message={describe(error)} />
      {!loaded ? (
        <Loading />
      ) : operations.length === 0 ? (
        <p className="panel">{t.offline.empty}</p>
      ) : (
        <FailedTable operations={operations} onChoose={choose} />
      )}
      {chosen && choice.action === 'discard' && <DiscardPanel key={chosen.key} opKey={chosen.key} what={what} onClose={close} />}
      {chosen && choice.action === 'redo' && <RedoForm key={chosen.key} opKey={chosen.key} what={what} onClose={close} />}
    </Screen>
  );
}
