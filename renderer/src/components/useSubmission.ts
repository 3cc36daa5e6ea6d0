import { useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { useErrorText, useT } from '../i18n';
import { fieldOf } from '../i18n/errors';
import { focusField } from './Form';

type Spec<F extends string> = {
  /** The element ID of each field, to focus it and to place its message. */
  ids: Record<F, string>;
  labels: Record<F, string>;
  /** Which field a refusal is about, when the main process does not say (default: its `field`). */
  placeOf?: (error: AppError) => string | undefined;
};

/**
 * The submit cycle every form shares (SPEC R-GEN-3): empty required fields are named before any call, a
 * refusal lands next to the field it is about (else above the form), the focus goes there, and a second
 * submit while one is in flight is ignored.
 */
export function useSubmission<F extends string>({ ids, labels, placeOf = fieldOf }: Spec<F>) {
  const t = useT();
  const describe = useErrorText();
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [empty, setEmpty] = useState<readonly F[]>([]);
  const busy = useRef(false);
  const isField = (name: string | undefined): name is F => name !== undefined && name in ids;
  const placed = refusal ? placeOf(refusal) : undefined;
  const refusedField = isField(placed) ? placed : undefined;

  async function submit(required: Partial<Record<F, string>>, action: () => Promise<AppError | null>) {
    if (busy.current) return;
    const missing = (Object.keys(required) as F[]).filter((f) => required[f] === '');
    setEmpty(missing);
    setRefusal(null);
    if (missing[0]) return focusField(ids[missing[0]]);
    busy.current = true;
    const error = await action();
    busy.current = false;
    setRefusal(error);
    const field = error ? placeOf(error) : undefined;
    if (isField(field)) focusField(ids[field]);
  }

  return {
    submit,
    fieldError: (f: F): string | undefined =>
      empty.includes(f) ? t.required(labels[f]) : f === refusedField ? describe(refusal) : undefined,
    formError: refusedField ? undefined : describe(refusal),
  };
}
