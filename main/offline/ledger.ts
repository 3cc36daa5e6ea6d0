import { z } from 'zod';
import type { SealKey } from '../crypto/seal';
import type { SealedFile } from './sealedFile';

/**
 * This desktop's own offline record (SPEC R-OFF-3/4): every step accepted offline, per token serial (so two
 * users sharing a token cannot both use one code here), who used it and when, and the failures counted
 * offline per login ID. Everything in it is reported to the server at the next sync, steps first.
 */
export const ledgerSchema = z.object({
  /** `reported`: the server answered for it at a sync; kept while above the floor so it is still refused here. */
  used: z.array(z.object({ serial: z.string(), step: z.number().int(), loginId: z.string(), at: z.number().int(), reported: z.literal(true).optional() })),
  /** Consecutive failures per login ID, the lock's count (R-OFF-4). */
  failures: z.record(z.string(), z.number().int().nonnegative()),
  /** How many of those the server has already been told of, so a sync sends each failure once. */
  reportedFailures: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** Per serial, the highest step the server had seen anywhere at the last sync: nothing at or below it is accepted. */
  floors: z.record(z.string(), z.number().int()),
});

export type Ledger = z.infer<typeof ledgerSchema>;

export const emptyLedger = (): Ledger => ({ used: [], failures: {}, reportedFailures: {}, floors: {} });

/**
 * The lock's count starts again (R-OFF-4) when the server has the user unlocked: a new block comes only after an
 * online login (password and OTP proven there), and an accepted queued unlock is the server's unlock.
 */
export const withoutFailures = (ledger: Ledger, loginId: string): Ledger => ({
  ...ledger,
  failures: { ...ledger.failures, [loginId]: 0 },
  reportedFailures: { ...ledger.reportedFailures, [loginId]: 0 },
});

export const withStep = (ledger: Ledger, serial: string, step: number, loginId: string, now: Date): Ledger => ({
  ...withoutFailures(ledger, loginId),
  used: [...ledger.used, { serial, step, loginId, at: now.getTime() }],
});

export const withFailure = (ledger: Ledger, loginId: string): Ledger => ({
  ...ledger,
  failures: { ...ledger.failures, [loginId]: (ledger.failures[loginId] ?? 0) + 1 },
});

export const failuresOf = (ledger: Ledger, loginId: string): number => ledger.failures[loginId] ?? 0;

export const withFloor = (ledger: Ledger, serial: string, step: number): Ledger => ({
  ...ledger,
  floors: { ...ledger.floors, [serial]: Math.max(step, ledger.floors[serial] ?? -1) },
});

/**
 * DESIGN-NOTES 1 offline: a code is accepted only above every step used here and every step the server had
 * seen at the last sync, for the token whoever holds it.
 */
export function acceptsAbove(ledger: Ledger, serial: string): number {
  const used = ledger.used.filter((u) => u.serial === serial).map((u) => u.step);
  return Math.max(ledger.floors[serial] ?? -1, ...used);
}

/** What a sync reports (R-OFF-7): the steps not yet answered for and the failures not yet sent, per login ID. */
export function unreported(ledger: Ledger): { used: Ledger['used']; failures: Record<string, number> } {
  const failures = Object.entries(ledger.failures)
    .map(([loginId, n]) => [loginId, n - (ledger.reportedFailures[loginId] ?? 0)] as const)
    .filter(([, n]) => n > 0);
  return { used: ledger.used.filter((u) => !u.reported).map(({ reported: _r, ...u }) => u), failures: Object.fromEntries(failures) };
}

/**
 * The server answered a report: those steps are marked, the failures sent are counted as told, and the new
 * floors set. A step at or below its serial's floor is forgotten: the floor refuses it from then on.
 */
export function withReport(ledger: Ledger, sent: ReturnType<typeof unreported>, floors: Readonly<Record<string, number>>): Ledger {
  const answered = new Set(sent.used.map((u) => `${u.serial}:${u.step}`));
  let next: Ledger = {
    ...ledger,
    used: ledger.used.map((u) => (answered.has(`${u.serial}:${u.step}`) ? { ...u, reported: true as const } : u)),
    reportedFailures: { ...ledger.reportedFailures },
  };
  for (const [loginId, n] of Object.entries(sent.failures)) next.reportedFailures[loginId] = (next.reportedFailures[loginId] ?? 0) + n;
  for (const [serial, floor] of Object.entries(floors)) next = withFloor(next, serial, floor);
  return { ...next, used: next.used.filter((u) => !u.reported || u.step > (next.floors[u.serial] ?? -1)) };
}

export const ledgerFile = (path: string, key: SealKey, desktopId: string): SealedFile<Ledger> => ({
  path,
  key,
  label: `offline-ledger:v1:${desktopId}`,
  schema: ledgerSchema,
  empty: emptyLedger,
});
