import { randomBytes } from 'node:crypto';
import { defaultRules } from '../main/config/rules';
import { hashPassword, serverKdf, storedKeyFor } from '../main/crypto/password';
import { issueBlock, type OfflineBlock } from '../main/offline/block';
import { emptyLedger } from '../main/offline/ledger';
import { checkOfflineCode, checkOfflinePassword, codeKeyFor } from '../main/offline/offlineCheck';
import { hashStepCode } from '../main/offline/stepHash';
import { codeAtStep, stepAt } from '../main/otp/totp';
import { report, sampleMs, type Row } from './lib/measure';

/**
 * Offline code blocks (SPEC R-OFF-2) at the product's settings: issuing an 8-hour block, one offline code
 * check, and what an attacker who holds an unsealed block pays (single core): a guess at the login password is
 * one run of the server's Argon2id (the code key comes only from it), and with the password a guess at one
 * step's code is one keyed PBKDF2.
 */
const params = { algorithm: 'SHA1', digits: 6, period: 60 } as const;
const seed = randomBytes(20);
const now = new Date('2026-12-01T01:00:30Z');
const step = stepAt(now, 60);
const rules = defaultRules;

async function main() {
  // The server's own stored hashes (Argon2id, serverKdf): the block is made from them, an attacker pays them.
  const hashes = { login: await hashPassword('Login#2026', serverKdf), auth: await hashPassword('Auth#2026', serverKdf) };
  const user = { companyId: 1, companyName: '熊瀬商事', userId: 1, loginId: 'kmb05871', name: '熊瀬 太郎', userType: 'master' as const };
  const token = { serial: '523405696', params, drift: 0, lastStep: step - 1 };
  const issue = async () => (await issueBlock({ desktopId: 'bench', user, hashes, token, codesAt: (steps) => steps.map((s) => codeAtStep(seed, s, params)), now, rules }))!;
  const block: OfflineBlock = await issue();
  const codeKey = codeKeyFor(block, (await storedKeyFor('Login#2026', block.login.setting))!);
  const code = codeAtStep(seed, step + 1, params);
  const rows: Row[] = [];
  const issued = await sampleMs(issue, 10);
  rows.push({ section: 'offline', figure: `issue an 8-hour block (${block.hashes.length} steps, keyed PBKDF2-SHA256 ×${rules.offline.stepHashIterations})`, unit: 'ms', ...issued, goal: '< 250 ms', met: issued.median < 250 });
  const login = await sampleMs(() => checkOfflinePassword(block, 'login', 'Login#2026', emptyLedger(), rules, now, new Set()), 20);
  rows.push({ section: 'offline', figure: 'one offline password check (the server\'s Argon2id, m=19 MiB t=2)', unit: 'ms', ...login });
  const checked = await sampleMs(() => checkOfflineCode(block, codeKey, code, emptyLedger(), rules, now), 50);
  rows.push({ section: 'offline', figure: 'one offline code check (±1 step, every candidate hashed)', unit: 'ms', ...checked, goal: '≤ 100 ms', met: checked.p95 <= 100 });
  const kdf = { alg: 'pbkdf2-sha256' as const, iterations: rules.offline.stepHashIterations, salt: randomBytes(16), codeKey };
  const guess = await sampleMs(() => hashStepCode(kdf, step, '123456'), 200);
  rows.push({ section: 'offline', figure: 'brute force without the password: one login-password guess (Argon2id, then HKDF + HMAC)', unit: 'ms', ...login });
  rows.push({ section: 'offline', figure: 'brute force with the password: one guess at one step hash', unit: 'ms', ...guess });
  rows.push({ section: 'offline', figure: '  all 10^6 codes of one step, one core', unit: 's', median: guess.median * 1000, p95: guess.p95 * 1000 });
  report(rows);
}

void main();
