import type { UserRow } from '../../../../shared/contract';
import { PickUserForm } from '../../components/PickUserForm';
import { useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { useUserAdmin } from '../../stores/userAdmin';

/** ロック解除's form (SPEC R-OTP-3: unlocking is an admin or master action): a locked user and the step-up. */
export function UnlockUserForm({ locked }: { locked: readonly UserRow[] }) {
  const t = useT();
  const unlock = useUserAdmin((s) => s.unlock);
  const go = useNavigation((s) => s.go);
  return (
    <PickUserForm
      prefix="unlock"
      users={locked}
      isSelectable={() => true}
      aboutUser={['USER_NOT_FOUND', 'NOT_LOCKED']}
      act={unlock}
      back={{ label: t.admin.toMenu, onClick: () => go('userMenu') }}
      submit={t.unlockUser.submit}
    />
  );
}
