import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';
import { useSubmission } from '../../components/useSubmission';
import { jstDayEnd, jstDayStart } from '../../format/jst';
import { useT } from '../../i18n';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/contract/auditActions';
import { useAudit, type AuditFilter } from '../../stores/audit';

type Field = 'loginId' | 'from' | 'to';

const ids: Record<Field, string> = { loginId: 'audit-login-id', from: 'audit-from', to: 'audit-to' };

/** 検索条件 of 操作履歴: a login ID (actor or target), an operation, and a period of Japan calendar days. */
export function AuditFilters() {
  const t = useT();
  const search = useAudit((s) => s.search);
  const [loginId, setLoginId] = useState('');
  const [action, setAction] = useState<AuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const a = t.audit;
  const form = useSubmission({
    ids,
    labels: { loginId: a.loginId, from: a.from, to: a.to },
    checks: { to: from !== '' && to !== '' && to < from && ((d) => d.audit.badPeriod) },
  });

  const submit = () => {
    const filter: AuditFilter = {
      ...(loginId.trim() ? { loginId: loginId.trim() } : {}),
      ...(action ? { action } : {}),
      ...(from ? { from: jstDayStart(from) } : {}),
      ...(to ? { to: jstDayEnd(to) } : {}),
    };
    return form.submit(() => search(filter));
  };

  return (
    <Form onSubmit={() => void submit()} labelledBy="audit-filters-heading" className="panel" summary={form.summary}>
      <h2 id="audit-filters-heading">{a.filters}</h2>
      <Alert message={form.formError} />
      <FormField id={ids.loginId} label={a.loginId} value={loginId} onChange={setLoginId} normalise autoComplete="off" hint={a.loginIdHint} error={form.fieldError('loginId')} />
      <SelectField
        id="audit-action"
        label={a.action}
        value={action}
        onChange={setAction}
        options={[{ value: '' as const, label: a.allActions }, ...AUDIT_ACTIONS.map((value) => ({ value, label: t.auditActions[value] }))]}
      />
      <FormField id={ids.from} type="date" label={a.from} value={from} onChange={setFrom} hint={a.periodHint} error={form.fieldError('from')} />
      <FormField id={ids.to} type="date" label={a.to} value={to} onChange={setTo} hint={a.periodHint} error={form.fieldError('to')} />
      <FormActions submit={a.search} tone="plain" />
    </Form>
  );
}
