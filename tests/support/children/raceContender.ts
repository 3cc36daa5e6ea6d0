import { setTimeout as sleep } from 'node:timers/promises';
import { createCore } from '../../../main/core/createCore';
import { PASSWORDS, TEST_KDF } from '../harness';
import { openAt } from '../stores';
import { RACE_RULES, type RaceIn, type RaceOut } from './protocol';

/**
 * One desktop of the replay race: its own process, its own connection to the shared store (a SQLite file or a
 * PostgreSQL database), its own sessions. Argv: store location, seal key (hex), login ID.
 */
const [location, sealKeyHex, loginId] = process.argv.slice(2) as [string, string, string];
const send = (m: RaceOut) => process.send!(m);

let now = 0;
const bugs: string[] = [];
const store = await openAt(location);
const core = createCore({
  store,
  sealKey: Buffer.from(sealKeyHex, 'hex'),
  rules: RACE_RULES,
  kdf: TEST_KDF,
  clock: () => new Date(now),
  logBug: (channel, error) => bugs.push(`${channel}: ${String(error)}`),
});
let challengeId = '';

/** The barrier: both contenders wait for the same wall-clock millisecond, the last stretch spinning. */
async function until(at: number): Promise<void> {
  if (at - Date.now() > 5) await sleep(at - Date.now() - 5);
  while (Date.now() < at) {
    /* spin */
  }
}

process.on('message', (message: RaceIn) => void handle(message));

async function handle(m: RaceIn): Promise<void> {
  if (m.type === 'login') {
    now = m.now;
    const step = await core.api.auth.login({ loginId, password: PASSWORDS.login });
    challengeId = step.ok ? step.value.challengeId : '';
    send({ type: 'ready', ok: step.ok });
  } else if (m.type === 'go') {
    await until(m.at);
    const startedAt = performance.timeOrigin + performance.now();
    const result = await core.api.auth.verifyOtp({ challengeId, otp: m.code });
    const endedAt = performance.timeOrigin + performance.now();
    send({ type: 'result', outcome: result.ok ? 'ok' : result.error.code, startedAt, endedAt, bugs: bugs.splice(0) });
  } else {
    await store.close();
    process.disconnect();
  }
}

send({ type: 'up' });
