import type { UserRow } from '../../../../shared/contract';
import { PickUserForm } from '../../components/PickUserForm';
import { useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { isSelectable } from '../../stores/revocation';
import { useSession } from '../../stores/session';
import { useUserAdmin } from '../../stores/userAdmin';

/** 紛失届's form: another user whose token is in service (R-REV-3's revocable users) and the operator's step-up. */
export function LostReportForm({ users }: { users: readonly UserRow[] }) {
  const t = useT();
  const reportLost = useUserAdmin((s) => s.reportLost);
  const go = useNavigation((s) => s.go);
  const self = useSession((s) => s.info?.loginId);
  return (
    <PickUserForm
      prefix="lost"
      users={users}
      isSelectable={(u) => isSelectable(u) && u.loginId !== self}
      aboutUser={['USER_NOT_FOUND', 'NOT_REVOCABLE', 'FORBIDDEN']}
      act={reportLost}
      back={{ label: t.lostReport.back, onClick: () => go('lostToken') }}
      submit={t.lostReport.submit}
    />
  );
}
