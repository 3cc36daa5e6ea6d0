import type { ReactNode } from 'react';
import { useNavigation, type View } from '../stores/navigation';

const LOOKS = { back: 'button button-back', primary: 'button button-primary', plain: 'button' } as const;

type NavProps = { to: View; label: string; look?: keyof typeof LOOKS };

/** A button that opens another screen: 戻る-style unless it is the one way on (primary) or a task (plain). */
export function NavButton({ to, label, look = 'back' }: NavProps) {
  const go = useNavigation((s) => s.go);
  return (
    <button type="button" className={LOOKS[look]} onClick={() => go(to)}>
      {label}
    </button>
  );
}

/** The row of buttons at the foot of a screen or a result, left-aligned as the guide's screens have them. */
export function ScreenActions({ children }: { children: ReactNode }) {
  return <div className="actions actions-start">{children}</div>;
}

/** The usual foot of a screen: one way back. */
export function BackActions(props: Omit<NavProps, 'look'>) {
  return (
    <ScreenActions>
      <NavButton {...props} />
    </ScreenActions>
  );
}
