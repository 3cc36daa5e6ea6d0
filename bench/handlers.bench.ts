import { defaultKdf, hashPassword, verifyPassword } from '../main/crypto/password';
import { benchCompany, PASSWORD } from './lib/company';
import { report, sampleMs, summarise, timeMs, type Row } from './lib/measure';

/** Handler costs through the same handler layer the renderer uses, as the company grows. */
const section = 'Handlers as the company grows';
const LINEAR = 11;

async function listUsers(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of [100, 1_000, 10_000]) {
    const company = await benchCompany(size);
    const sessionId = await company.masterSession();
    const ms = await sampleMs(() => company.core.api.users.list({ sessionId, sort: 'loginId-asc' }), size >= 10_000 ? 15 : 30);
    rows.push({ section, figure: `users.list, ${size.toLocaleString('en')} users`, unit: 'ms', ...ms });
    await company.close();
  }
  return withGrowth(rows);
}

async function revoke(): Promise<Row[]> {
  const company = await benchCompany(12_200);
  const sessionId = await company.masterSession();
  let next = 1;
  const rows: Row[] = [];
  for (const size of [10, 100, 1_000]) {
    const ms = await sampleMs(async () => {
      company.tick();
      const loginIds = Array.from({ length: size }, () => company.loginId(next++));
      const result = await company.core.api.tokens.revoke({ sessionId, loginIds, authPassword: PASSWORD, otp: await company.codeOf('100000000') });
      if (!result.ok) throw new Error(`revoke failed: ${result.error.code}`);
    }, size === 1_000 ? 8 : 15, 2);
    rows.push({ section, figure: `tokens.revoke, ${size.toLocaleString('en')} users at once (cheap KDF)`, unit: 'ms', ...ms });
  }
  await company.close();
  return withGrowth(rows);
}

async function loginAndRegister(): Promise<Row[]> {
  const company = await benchCompany(1_000, 200, defaultKdf);
  const hash = await hashPassword(PASSWORD, defaultKdf);
  const kdf = await sampleMs(() => verifyPassword(PASSWORD, hash), 10, 2);
  const login = await sampleMs(() => company.core.api.auth.login({ loginId: company.loginId(1), password: PASSWORD }), 10, 2);
  const registrations: number[] = [];
  for (let spare = 0; spare < 12; spare++) {
    const step = await company.core.api.auth.login({ loginId: company.loginId(1_000 + spare), password: PASSWORD });
    if (!step.ok) throw new Error('login before registration failed');
    const serial = String(200000000 + spare);
    const otp = await company.codeOf(serial);
    registrations.push(await timeMs(async () => {
      const done = await company.core.api.tokens.register({ challengeId: step.value.challengeId, serial, otp });
      if (!done.ok) throw new Error(`registration failed: ${done.error.code}`);
    }));
  }
  const register = summarise(registrations.slice(2));
  await company.close();
  return [
    { section, figure: 'scrypt N=2^17 r=8 p=1, one password check (the deliberate KDF)', unit: 'ms', ...kdf },
    { section, figure: 'auth.login (password step), KDF included', unit: 'ms', ...login },
    { section, figure: 'auth.login without the KDF (login minus KDF)', unit: 'ms', median: login.median - kdf.median, p95: login.p95 - kdf.p95, goal: '< 100 ms', met: login.median - kdf.median < 100 },
    { section, figure: 'tokens.register (BLGI020; no KDF in this step)', unit: 'ms', ...register, goal: '< 100 ms', met: register.median < 100 },
  ];
}

function withGrowth(rows: Row[]): Row[] {
  return rows.map((row, i) => {
    if (i === 0) return { ...row, goal: '< 100 ms', met: row.median < 100 };
    const ratio = row.median / rows[i - 1]!.median;
    return { ...row, ratio, ratioOf: 'previous size (10× more)', goal: `linear (≤ ${LINEAR}×), < 100 ms`, met: ratio <= LINEAR && row.median < 100 };
  });
}

async function main() {
  report([...(await listUsers()), ...(await revoke()), ...(await loginAndRegister())]);
}

void main();
