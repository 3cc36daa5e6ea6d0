import type { RulesConfig } from '../config/rules';
import { instantOf, minutesOfDay, wallClockAt } from '../../shared/time/japan';

type Rule = RulesConfig['reRegistration'];

/**
 * SPEC R-REV-5: re-registration opens at the later of (revocation + cool-down) and, for a revocation inside
 * the overnight window [start, end), the next `end` wall-clock time in the rule's zone.
 */
export function reRegistrationOpensAt(revokedAt: Date, rule: Rule): Date {
  const coolDownEnds = new Date(revokedAt.getTime() + rule.coolDownMinutes * 60_000);
  const overnightEnds = overnightEndFor(revokedAt, rule);
  return overnightEnds && overnightEnds > coolDownEnds ? overnightEnds : coolDownEnds;
}

function overnightEndFor(revokedAt: Date, rule: Rule): Date | null {
  const wall = wallClockAt(revokedAt, rule.timeZone);
  const start = minutesOfDay(rule.overnightStart);
  const end = minutesOfDay(rule.overnightEnd);
  const now = wall.hour * 60 + wall.minute;
  const spansMidnight = start > end;
  const inWindow = spansMidnight ? now >= start || now < end : now >= start && now < end;
  if (!inWindow) return null;
  const endsTomorrow = spansMidnight && now >= start;
  return instantOf(
    { year: wall.year, month: wall.month, day: wall.day + (endsTomorrow ? 1 : 0), hour: Math.floor(end / 60), minute: end % 60 },
    rule.timeZone,
  );
}
