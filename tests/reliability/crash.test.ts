import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../main/config/rules';
import { stepAt } from '../../main/otp/totp';
import { reRegistrationOpensAt } from '../../main/revocation/reregistration';
import { openStore } from '../../main/store/open';
import { Child } from '../support/children/child';
import type { RevokerArgs, RevokerOut } from '../support/children/protocol';
import { buildPopulation, popSerial, type Population } from '../support/population';
import { scaled } from '../support/scale';

/**
 * SPEC R-REV-3 (all or nothing), DESIGN-NOTES 3 (the audit row in the same transaction as its change): a child
 * process revoking 1,000 users in one request is killed with SIGKILL at random points. Each attempt runs on a
 * fresh copy of one prepared store, reopened afterwards as the app would after the crash.
 */
const KILLS = scaled(12, 40);
const USERS = 1_040;
const TARGETS = 1_000;
const START = new Date('2026-11-24T01:00:30Z');
const REVOKED_AT = new Date(START.getTime() + 60_000);

let dir: string;
let fixture: string;
let pop: Population;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'otp-desktop-crash-'));
  fixture = join(dir, 'fixture.sqlite');
  const store = await openStore(fixture);
  pop = await buildPopulation(store.db, USERS, 10, START);
  await store.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Landing = { anchor: 'opened' | 'revoking'; delayMs: number };
type Attempt = { state: 'complete' | 'absent'; killed: boolean; phases: { opened?: number; revoking?: number; done?: number } };

let attempts = 0;
/**
 * Runs one child on a fresh copy of the fixture and kills it at `landing`, or lets it finish when none is given.
 * `killed` is false when the child had already finished by itself.
 */
async function runChild(landing?: Landing): Promise<Attempt> {
  const file = join(dir, `attempt-${attempts++}.sqlite`);
  copyFileSync(fixture, file);
  const args: RevokerArgs = {
    file,
    sealKey: pop.sealKey.toString('hex'),
    start: START.getTime(),
    operator: pop.loginIds[0]!,
    serial: popSerial(0),
    targets: pop.loginIds.slice(1, 1 + TARGETS),
  };
  const child = new Child<never, RevokerOut>('revoker.ts', [JSON.stringify(args)]);
  try {
    if (landing) {
      await child.next(landing.anchor, 60_000);
      await new Promise((r) => setTimeout(r, landing.delayMs));
      await child.kill();
    } else {
      expect(await child.next('done', 60_000)).toEqual({ type: 'done', outcome: 'ok', revoked: TARGETS });
      expect((await child.exited).code).toBe(0);
    }
  } finally {
    await child.kill();
  }
  const phases = Object.fromEntries(child.arrivedAt) as Attempt['phases'];
  const { code, signal } = await child.exited;
  if (signal !== 'SIGKILL') expect({ code, stderr: child.stderr() }).toEqual({ code: 0, stderr: '' });
  const state = await inspect(file, args.targets);
  rmSync(file, { force: true });
  return { state, killed: signal === 'SIGKILL', phases };
}

/** After the crash: integrity ok, the revocation whole or absent, and the audit log saying the same. */
async function inspect(file: string, targets: string[]): Promise<Attempt['state']> {
  const store = await openStore(file);
  try {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
    const states = await store.db
      .selectFrom('token_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['u.login_id', 'a.state', 'a.reregistration_at', 'a.revoked_at'])
      .execute();
    const revoked = states.filter((s) => s.state === 'revoked');
    const audit = await store.db.selectFrom('audit_log').selectAll().execute();
    const revokeRows = audit.filter((r) => r.action === 'token.revoke');
    expect([0, TARGETS]).toContain(revoked.length);
    expect(revokeRows).toHaveLength(revoked.length);
    expect(states.filter((s) => s.state === 'active')).toHaveLength(USERS - revoked.length);
    expect(new Set(revokeRows.map((r) => r.target_login_id))).toEqual(new Set(revoked.map((r) => r.login_id)));
    if (revoked.length > 0) {
      expect(new Set(revoked.map((r) => r.login_id))).toEqual(new Set(targets));
      const opensAt = reRegistrationOpensAt(REVOKED_AT, defaultRules.reRegistration).getTime();
      expect(revoked.every((r) => r.revoked_at === REVOKED_AT.getTime() && r.reregistration_at === opensAt)).toBe(true);
      expect(revokeRows.every((r) => r.result === 'success' && r.actor_login_id === pop.loginIds[0])).toBe(true);
    }
    // The login and the step-up's code: each change exists exactly when its audit row does.
    const token = await store.db.selectFrom('tokens').select('last_step').where('serial', '=', popSerial(0)).executeTakeFirstOrThrow();
    const logins = audit.filter((r) => r.action === 'login.otp' && r.result === 'success').length;
    const history = await store.db.selectFrom('login_history').select('result').execute();
    expect(history).toEqual(logins ? [{ result: 'success' }] : []);
    const expectedStep = revoked.length ? stepAt(REVOKED_AT, 60) : logins ? stepAt(START, 60) : -1;
    expect(token.last_step).toBe(expectedStep);
    return revoked.length ? 'complete' : 'absent';
  } finally {
    await store.close();
  }
}

describe('crash consistency of a 1,000-user revocation (SPEC R-REV-3, DESIGN-NOTES 3)', () => {
  it(`SPEC R-REV-3: killed with SIGKILL at ${KILLS} random points, the reopened store is intact and the revocation complete or absent, as its audit rows say`, async () => {
    // Calibration: one child runs to the end, timing each phase; the kills land inside those spans.
    const calibration = await runChild();
    expect(calibration.state).toBe('complete');
    const { opened = 0, revoking = 0, done = 0 } = calibration.phases;
    const window = { opened: revoking - opened, revoking: done - revoking };
    const kills: (Landing & { state: Attempt['state'] })[] = [];
    let finishedFirst = 0;
    while (kills.length < KILLS) {
      const anchor = Math.random() < 0.25 ? 'opened' : 'revoking';
      const landing = { anchor, delayMs: Math.round(Math.random() * window[anchor] * 1.5) } as const;
      const attempt = await runChild(landing);
      // A child that finished before its kill landed is no kill; it must have revoked everything.
      if (attempt.killed) kills.push({ ...landing, state: attempt.state });
      else expect(attempt.state, 'a child that finished').toBe('complete');
      if (!attempt.killed) finishedFirst++;
    }
    const complete = kills.filter((k) => k.state === 'complete').length;
    console.log(
      `crash: ${KILLS} SIGKILLs survived (${complete} complete, ${KILLS - complete} absent, never partial; ` +
        `${finishedFirst} children finished before their kill); revoking 1,000 took ~${Math.round(window.revoking)} ms; ` +
        `kill points ${kills.map((k) => `${k.anchor}+${k.delayMs}ms→${k.state}`).join(', ')}`,
    );
    expect(kills).toHaveLength(KILLS);
  }, scaled(150_000, 900_000));
});
