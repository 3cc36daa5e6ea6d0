import { useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { useErrorText, useT } from '../../i18n';
import { useOfflineFailed } from '../../stores/offlineFailed';
import { ChoiceHeading } from './ChoiceHeading';

type Props = { opKey: string; what: string; onClose: () => void };

/** 破棄's confirmation: nothing is dropped without the admin saying so (R-OFF-7: none is dropped silently). */
export function DiscardPanel({ opKey, what, onClose }: Props) {
  const t = useT();
  const describe = useErrorText();
  const discard = useOfflineFailed((s) => s.discard);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async () => {
    const refused = await discard(opKey);
    setError(refused);
    if (!refused) onClose();
  };
  return (
    <section className="panel" aria-labelledby="discard-heading">
      <ChoiceHeading id="discard-heading" text={t.offline.discardHeading(what)} />
      <p>{t.offline.discardNote}</p>
      <Alert message={describe(error)} />
      <Form onSubmit={() => void submit()} labelledBy="discard-heading">
        <FormActions back={{ label: t.offline.cancel, onClick: onClose }} submit={t.offline.discardConfirm} tone="danger" />
      </Form>
    </section>
  );
}
