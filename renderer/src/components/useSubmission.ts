import { useRef, useState } from 'react';
import type { ZodType } from 'zod';
import type { AppError } from '../../../shared/errors';
import { useErrorText, useT } from '../i18n';
import type { Dictionary } from '../i18n/ja';
import { fieldOf } from '../i18n/errors';
import { focusField } from './focus';

/** A message in the current language, so a language switch translates it too. */
export type Check = (t: Dictionary) => string;

/** Fields the screen itself finds wrong before any call (a password rule unmet, a mismatch), with their message. */
export type Invalid<F extends string> = Partial<Record<F, Check | false | undefined>>;

type Spec<F extends string> = {
  /** The element ID of each field, to focus it and to place its message. */
  ids: Record<F, string>;
  labels: Record<F, string>;
  /** The values of the required fields, as they are now: an empty one is named (…を入力してください). */
  required?: Partial<Record<F, string>>;
  /** The shared field schemas the main process parses the same values with (shared/input/fields.ts). */
  schemas?: Partial<Record<F, ZodType>>;
  /** What the screen itself finds wrong now (a mismatch, nothing selected). */
  checks?: Invalid<F>;
  /** Which field a refusal is about, when the main process does not say (default: its `field`). */
  placeOf?: (error: AppError) => string | undefined;
};

/** One problem of the error summary: the message and the field it links to. */
export type Problem = { id: string; message: string };

type Refusal<F> = { error: AppError; field?: F; value?: string };

/**
 * The submit cycle every form shares (SPEC R-GEN-3, GOV.UK's error pattern). A submit names every field's
 * problem at once (empty, refused by the shared schema, found wrong by the screen) and makes no call while
 * one remains; from then on each field's message follows its value as the user types. A refusal lands next to
 * the field it is about (else above the form) and stays until that field is changed; the focus goes to the
 * first problem; a second submit while one is in flight is ignored.
 */
export function useSubmission<F extends string>({ ids, labels, required = {}, schemas = {}, checks = {}, placeOf = fieldOf }: Spec<F>) {
  const t = useT();
  const describe = useErrorText();
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<Refusal<F> | null>(null);
  const busy = useRef(false);
  const fields = Object.keys(ids) as F[];
  const isField = (name: string | undefined): name is F => name !== undefined && name in ids;

  /** What is wrong with a field now, before any call. */
  const problemOf = (f: F): string | undefined => {
    const value = required[f];
    if (value === '') return t.required(labels[f]);
    const schema = schemas[f];
    if (value !== undefined && schema && !schema.safeParse(value).success) return describe({ code: 'VALIDATION', field: f });
    const check = checks[f];
    return check ? check(t) : undefined;
  };
  // A refusal holds while its field keeps the refused value (or was cleared by the screen after it).
  const refusalAt = (f: F): string | undefined => {
    if (!refusal || refusal.field !== f) return undefined;
    const now = required[f];
    return now === refusal.value || now === '' ? describe(refusal.error) : undefined;
  };

  async function submit(action: () => Promise<AppError | null>) {
    if (busy.current) return;
    setSubmitted(true);
    setRefusal(null);
    const first = fields.find((f) => problemOf(f) !== undefined);
    if (first) return focusField(ids[first]);
    busy.current = true;
    const error = await action();
    busy.current = false;
    const placed = error ? placeOf(error) : undefined;
    const field = isField(placed) ? placed : undefined;
    setRefusal(error ? { error, field, value: field ? required[field] : undefined } : null);
    // A success starts the form afresh: what it cleared is not a problem to name.
    if (!error) setSubmitted(false);
    if (field) focusField(ids[field]);
  }

  // A standing refusal says more than "required" about the code the screen cleared after it.
  const fieldError = (f: F): string | undefined => (submitted ? (refusalAt(f) ?? problemOf(f)) : undefined);
  const summary: Problem[] = fields.flatMap((f) => {
    const message = fieldError(f);
    return message ? [{ id: ids[f], message }] : [];
  });
  return {
    submit,
    fieldError,
    /** Every field's problem, in the form's order, for the error summary at its top. */
    summary,
    formError: refusal && !refusal.field ? describe(refusal.error) : undefined,
  };
}
