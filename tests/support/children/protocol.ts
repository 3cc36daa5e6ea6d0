import { defaultRules, type RulesConfig } from '../../../main/config/rules';

/** Replay race (raceContender.ts): log in at `now`, then submit `code` when the wall clock reaches `at`. */
export type RaceIn = { type: 'login'; now: number } | { type: 'go'; code: string; at: number } | { type: 'exit' };
export type RaceOut =
  | { type: 'up' }
  | { type: 'ready'; ok: boolean }
  | { type: 'result'; outcome: string; startedAt: number; endedAt: number; bugs: string[] };

/** Losing a race is a failed attempt (SPEC R-OTP-3); a high limit keeps the races from locking anyone. */
export const RACE_RULES: RulesConfig = { ...defaultRules, maxConsecutiveFailures: 1_000_000 };

/** Crash consistency (revoker.ts): no input; it reports its progress until it is killed or done. */
export type RevokerOut =
  | { type: 'opened' }
  | { type: 'revoking' }
  | { type: 'done'; outcome: string; revoked: number };

export type RevokerArgs = { file: string; sealKey: string; start: number; operator: string; serial: string; targets: string[] };

/** A company server in its own process (serverProcess.ts): its clock is set by the test; it says when a revocation starts. */
export type ServerIn = { type: 'clock'; now: number } | { type: 'exit' };
export type ServerOut = { type: 'up'; port: number } | { type: 'clock-set' } | { type: 'revoking' } | { type: 'bugs'; bugs: string[] };
export type ServerArgs = { location: string; sealKey: string; certFile: string; keyFile: string };
