import { useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { useErrorText, useT } from '../i18n';
import type { Dictionary } from '../i18n/ja';
import { fieldOf } from '../i18n/errors';
import { focusField } from './Form';

type Spec<F extends string> = {
  /** The element ID of each field, to focus it and to place its message. */
  ids: Record<F, string>;
  labels: Record<F, string>;
  /** Which field a refusal is about, when the main process does not say (default: its `field`). */
  placeOf?: (error: AppError) => string | undefined;
};

/** A message in the current language, so a language switch translates it too. */
export type Check = (t: Dictionary) => string;

/** Fields the screen itself finds wrong before any call (a password rule unmet, a mismatch), with their message. */
export type Invalid<F extends string> = Partial<Record<F, Check | false | undefined>>;

/**
 * The submit cycle every form shares (SPEC R-GEN-3): empty required fields, then fields the screen finds
 * invalid, are named before any call; a refusal lands next to the field it is about (else above the form),
 * the focus goes there, and a second submit while one is in flight is ignored.
 */
export function useSubmission<F extends string>({ ids, labels, placeOf = fieldOf }: Spec<F>) {
  const t = useT();
  const describe = useErrorText();
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [empty, setEmpty] = useState<readonly F[]>([]);
  const [invalid, setInvalid] = useState<Invalid<F>>({});
  const busy = useRef(false);
  const isField = (name: string | undefined): name is F => name !== undefined && name in ids;
  const placed = refusal ? placeOf(refusal) : undefined;
  const refusedField = isField(placed) ? placed : undefined;

  async function submit(required: Partial<Record<F, string>>, action: () => Promise<AppError | null>, checks: Invalid<F> = {}) {
    if (busy.current) return;
    const missing = (Object.keys(required) as F[]).filter((f) => required[f] === '');
    const wrong = Object.fromEntries(Object.entries(checks).filter(([f, check]) => check && !missing.includes(f as F))) as Invalid<F>;
    setEmpty(missing);
    setInvalid(wrong);
    setRefusal(null);
    const first = (Object.keys(ids) as F[]).find((f) => missing.includes(f) || wrong[f]);
    if (first) return focusField(ids[first]);
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
      empty.includes(f) ? t.required(labels[f]) : invalid[f] ? invalid[f](t) : f === refusedField ? describe(refusal) : undefined,
    formError: refusedField ? undefined : describe(refusal),
  };
}
