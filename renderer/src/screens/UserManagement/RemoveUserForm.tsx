import type { UserRow } from '../../../../shared/contract';
import { PickUserForm } from '../../components/PickUserForm';
import { useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { useUserAdmin } from '../../stores/userAdmin';
import '../../styles/revocation.css';

/** 利用者削除's form: the user (never the master, never oneself), the consequences and their acknowledgement, the step-up. */
export function RemoveUserForm({ users }: { users: readonly UserRow[] }) {
  const t = useT();
  const remove = useUserAdmin((s) => s.remove);
  const go = useNavigation((s) => s.go);
  const self = useSession((s) => s.info?.loginId);
  const r = t.removeUser;
  const consequences = (
    <>
      <h2 id="remove-consequences-heading">{r.consequencesHeading}</h2>
      <ul className="consequences" id="remove-consequences">
        {r.consequences.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
  return (
    <PickUserForm
      prefix="remove"
      users={users}
      isSelectable={(u) => u.userType !== 'master' && u.loginId !== self}
      aboutUser={['USER_NOT_FOUND', 'MASTER_RULE', 'FORBIDDEN']}
      act={remove}
      back={{ label: t.admin.toMenu, onClick: () => go('userMenu') }}
      submit={r.submit}
      tone="danger"
      confirm={{ label: r.confirm, required: (d) => d.removeUser.confirmRequired, describedBy: 'remove-consequences', before: consequences }}
    />
  );
}
