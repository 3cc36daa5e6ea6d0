import { MAX_APPLY_BATCH, MAX_APPLY_REGISTRATIONS } from '../../shared/contract/syncChannels';
import type { TransferDateRules } from '../../shared/time/bankCalendar';
import { JAPAN_TIME_ZONE } from '../../shared/time/japan';

/**
 * Every "Reading" of SPEC.md is a setting here, never a literal in a rule (SPEC: "must be configurable").
 */
export type RulesConfig = {
  readonly otp: {
    /** SPEC R-OTP-1: the product's tokens change every 60 s; an import flags and refuses any other step. */
    readonly timeStepSeconds: number;
    /** SPEC R-OTP-1 Reading: ±1 step around the token's saved drift. */
    readonly driftWindowSteps: number;
    /** How far an admin resynchronisation searches for two consecutive codes. */
    readonly resyncWindowSteps: number;
    /**
     * The furthest a token's codes may be from our clock, in steps, whatever its saved drift (issue 11 finding 8):
     * a moved PC clock or repeated resyncs cannot walk an expired or lost token back into use.
     */
    readonly maxDriftSteps: number;
  };
  /** SPEC R-OTP-3 Reading: consecutive failures that lock a user. */
  readonly maxConsecutiveFailures: number;
  /** SPEC R-REV-5 and its Reading. */
  readonly reRegistration: {
    readonly coolDownMinutes: number;
    /** Wall-clock "HH:MM" in `timeZone`; the window may span midnight. */
    readonly overnightStart: string;
    readonly overnightEnd: string;
    readonly timeZone: string;
  };
  /** SPEC R-TOK-4 Reading: warn this many days before a token expires. */
  readonly tokenExpiryWarningDays: number;
  readonly session: {
    readonly idleTimeoutMs: number;
    readonly absoluteTimeoutMs: number;
    /** How long a half-finished login (password accepted, OTP pending) stays usable. */
    readonly challengeTtlMs: number;
  };
  readonly loginHistoryLength: number;
  readonly imports: {
    /** Key packages (or CSV rows) one file may hold; more is refused as a whole, TOO_MANY_ENTRIES (issue 11 finding 10). */
    readonly maxEntries: number;
  };
  /** SPEC R-OFF-1/2: offline code blocks issued to a connected desktop at each online login. */
  readonly offline: {
    /** R-OFF-1 Reading: the block's lifetime in token steps (8 h of 60 s steps). */
    readonly blockSteps: number;
    /** PBKDF2-SHA256 iterations per step's hash: issuing hashes every step, so this bounds the issue time. */
    readonly stepHashIterations: number;
    /** Operations per `sync:apply` at reconnect (at most MAX_APPLY_BATCH): a cut loses one batch's answer at most. */
    readonly applyBatch: number;
    /** Of those, queued registrations (at most MAX_APPLY_REGISTRATIONS): the rest wait for the next batch. */
    readonly applyRegistrations: number;
  };
  /** SPEC R-TRX-3 Readings: the 振込指定日's cut-off (15:00 JST) and horizon (30 days), the per-transfer limit (yen). */
  readonly transfers: TransferDateRules & { readonly maxAmount: number };
};

export const defaultRules: RulesConfig = {
  otp: { timeStepSeconds: 60, driftWindowSteps: 1, resyncWindowSteps: 40, maxDriftSteps: 10 },
  imports: { maxEntries: 50_000 },
  maxConsecutiveFailures: 5,
  reRegistration: { coolDownMinutes: 30, overnightStart: '20:50', overnightEnd: '08:10', timeZone: JAPAN_TIME_ZONE },
  tokenExpiryWarningDays: 60,
  session: { idleTimeoutMs: 15 * 60_000, absoluteTimeoutMs: 12 * 3_600_000, challengeTtlMs: 5 * 60_000 },
  loginHistoryLength: 10,
  offline: { blockSteps: 480, stepHashIterations: 1_000, applyBatch: MAX_APPLY_BATCH, applyRegistrations: MAX_APPLY_REGISTRATIONS },
  transfers: { cutOff: '15:00', maxDaysAhead: 30, timeZone: JAPAN_TIME_ZONE, maxAmount: 10_000_000 },
};
