import type { TransferContent } from '../../shared/contract/transferModels';
import type { AuditEntry } from '../store/repos/audit';

/** SPEC R-GEN-2: what every transfer row says of the money: the request, the amount and the payee. */
export function transferDetail(requestId: string, content: TransferContent): NonNullable<AuditEntry['detail']> {
  const p = content.payee;
  return { requestId, amount: content.amount, date: content.date, payee: `${p.bankCode}-${p.branchCode} ${p.type} ${p.number} ${p.name}` };
}
