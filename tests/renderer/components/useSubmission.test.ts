// @vitest-environment happy-dom
import { createElement, Fragment, useState } from 'react';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { otpField, serialField } from '../../../shared/input/fields';
import { Form, ignoreImeEnter } from '../../../renderer/src/components/Form';
import { FormField } from '../../../renderer/src/components/FormField';
import { useSubmission } from '../../../renderer/src/components/useSubmission';
import { byId, click, render, type, type Rendered } from '../support/render';

type Values = { serial: string; otp: string };
type Action = (values: Values) => Promise<AppError | null>;

/** BLGI020's two fields on the shared submission cycle, with the action under the test's control. */
function Probe({ action }: { action: Action }) {
  const [serial, setSerial] = useState('');
  const [otp, setOtp] = useState('');
  const form = useSubmission({
    ids: { serial: 'serial', otp: 'otp' },
    labels: { serial: 'シリアル番号', otp: 'ワンタイムパスワード' },
    required: { serial, otp },
    schemas: { serial: serialField, otp: otpField },
  });
  const submit = () => void form.submit(() => action({ serial, otp }));
  const children = createElement(
    Fragment,
    null,
    createElement(FormField, { id: 'serial', label: 'シリアル番号', value: serial, onChange: setSerial, error: form.fieldError('serial') }),
    createElement(FormField, { id: 'otp', label: 'ワンタイムパスワード', value: otp, onChange: setOtp, error: form.fieldError('otp') }),
    createElement('button', { type: 'submit', id: 'go' }, '認証確認'),
  );
  return createElement(Form, { onSubmit: submit, summary: form.summary, children });
}

const text = (id: string) => byId(`${id}-error`).textContent;
const summaryLinks = () => [...document.querySelectorAll('.error-summary a')].map((a) => a.textContent);

let shown: Rendered | undefined;
afterEach(() => shown?.unmount());

async function mount(action: Action = async () => null) {
  const calls: Values[] = [];
  shown = await render(Probe, { action: (v) => (calls.push(v), action(v)) });
  return { calls, serial: byId<HTMLInputElement>('serial'), otp: byId<HTMLInputElement>('otp'), go: byId('go') };
}

describe('useSubmission: the shared submit cycle (SPEC R-GEN-3, GOV.UK error pattern)', () => {
  it('names every field of a submit at once, in the error summary too, and makes no call', async () => {
    const { calls, serial, go } = await mount();
    await type(serial, '1234567');
    await click(go);
    expect(text('serial')).toBe('シリアル番号は半角数字8桁以上12桁以内で入力してください。');
    expect(text('otp')).toBe('ワンタイムパスワードを入力してください。');
    expect(summaryLinks()).toEqual(['シリアル番号は半角数字8桁以上12桁以内で入力してください。', 'ワンタイムパスワードを入力してください。']);
    expect(document.querySelector('.error-summary a')?.getAttribute('href')).toBe('#serial');
    expect(serial.value).toBe('1234567');
    expect(calls).toEqual([]);
  });

  it('SPEC R-TOK-5: after the first submit, a correct full-width serial loses its message and aria-invalid as typed', async () => {
    const { serial, go } = await mount();
    expect(text('serial')).toBe('');
    await click(go);
    expect(serial.getAttribute('aria-invalid')).toBe('true');
    await type(serial, '５２３４');
    expect(text('serial')).toBe('シリアル番号は半角数字8桁以上12桁以内で入力してください。');
    await type(serial, '５２３４０５６９６');
    expect(text('serial')).toBe('');
    expect(serial.getAttribute('aria-invalid')).toBeNull();
    expect(text('otp')).toBe('ワンタイムパスワードを入力してください。');
  });

  it('places a refusal at its field until that field changes; the other field keeps no message', async () => {
    const refusal: AppError = { code: 'TOKEN_NOT_FOUND', field: 'serial', attemptsLeft: 4 };
    const { serial, otp, go } = await mount(async () => refusal);
    await type(serial, '99999999');
    await type(otp, '123456');
    await click(go);
    expect(text('serial')).toBe(
      '入力されたシリアル番号のハードトークンはありません。シリアル番号をご確認ください。(シリアル番号の誤りも回数に数えます。あと4回誤るとロックされます)',
    );
    expect(text('otp')).toBe('');
    expect(document.activeElement).toBe(serial);
    await type(serial, '523405696');
    expect(text('serial')).toBe('');
  });

  it('ignores a second submit while the first is in flight (no double submission)', async () => {
    let release: (value: AppError | null) => void = () => {};
    const { calls, serial, otp, go } = await mount(() => new Promise((resolve) => (release = resolve)));
    await type(serial, '523405696');
    await type(otp, '123456');
    await click(go);
    await click(go);
    expect(calls).toHaveLength(1);
    await act(async () => release(null));
    await click(go);
    expect(calls).toHaveLength(2);
  });

  it('a success starts the form afresh: no message for what the screen then cleared', async () => {
    const { serial, otp, go } = await mount();
    await type(serial, '523405696');
    await type(otp, '123456');
    await click(go);
    await type(otp, '');
    expect(text('otp')).toBe('');
  });
});

describe('Form: Enter that confirms an IME conversion never submits', () => {
  const keydown = (isComposing: boolean) => {
    const event = { key: 'Enter', keyCode: isComposing ? 229 : 13, nativeEvent: { isComposing }, prevented: false, preventDefault() { this.prevented = true; } };
    ignoreImeEnter(event as unknown as Parameters<typeof ignoreImeEnter>[0]);
    return event.prevented;
  };

  it('drops the implicit submission while composing, keeps it otherwise', () => {
    expect(keydown(true)).toBe(true);
    expect(keydown(false)).toBe(false);
  });

  it('a composing Enter in a field makes no call', async () => {
    const { calls, serial, otp } = await mount();
    await type(serial, '523405696');
    await type(otp, '123456');
    const event = new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true });
    await act(async () => {
      otp.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    expect(calls).toEqual([]);
  });
});
