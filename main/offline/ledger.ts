import { z } from 'zod';
import type { SealKey } from '../crypto/seal';
import type { SealedFile } from './sealedFile';

/**
 * This desktop's own offline record (SPEC R-OFF-3/4): every step accepted offline, per token serial (so two
 * users sharing a token cannot both use one code here), who used it and when, and the failures counted
 * offline per login ID. Everything in it is reported to the server at the next sync, steps first.
 */
export const ledgerSchema = z.object({
  used: z.array(z.object({ serial: z.string(), step: z.number().int(), loginId: z.string(), at: z.number().int() })),
  failures: z.record(z.string(), z.number().int().nonnegative()),
  /** Per serial, the highest step the server had seen anywhere at the last sync: nothing at or below it is accepted. */
  floors: z.record(z.string(), z.number().int()),
});

export type Ledger = z.infer<typeof ledgerSchema>;

export const emptyLedger = (): Ledger => ({ used: [], failures: {}, floors: {} });

export const withStep = (ledger: Ledger, serial: string, step: number, loginId: string, now: Date): Ledger => ({
  ...ledger,
  used: [...ledger.used, { serial, step, loginId, at: now.getTime() }],
  failures: { ...ledger.failures, [loginId]: 0 },
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

export const ledgerFile = (path: string, key: SealKey, desktopId: string): SealedFile<Ledger> => ({
  path,
  key,
  label: `offline-ledger:v1:${desktopId}`,
  schema: ledgerSchema,
  empty: emptyLedger,
});
