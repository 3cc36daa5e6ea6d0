import { randomBytes } from 'node:crypto';
import { defaultRules } from '../main/config/rules';
import { hashPassword } from '../main/crypto/password';
import { issueBlock } from '../main/offline/block';
import { emptyLedger } from '../main/offline/ledger';
import { checkOfflineCode } from '../main/offline/offlineCheck';
import { hashStepCode } from '../main/offline/stepHash';
import { codeAtStep, stepAt } from '../main/otp/totp';
import { report, sampleMs, type Row } from './lib/measure';

/**
 * Offline code blocks (SPEC R-OFF-2) at the product's settings: issuing an 8-hour block, one offline code
 * check, and what one guess at one step's hash costs an attacker who holds an unsealed block (single core).
 */
const params = { algorithm: 'SHA1', digits: 6, period: 60 } as const;
const seed = randomBytes(20);
const now = new Date('2026-12-01T01:00:30Z');
const step = stepAt(now, 60);
const rules = defaultRules;

async function main() {
  const verifier = await hashPassword('Login#2026', { N: 2 ** 10, r: 8, p: 1 });
  const user = { companyId: 1, companyName: '熊瀬商事', userId: 1, loginId: 'kmb05871', name: '熊瀬 太郎', userType: 'master' as const, loginVerifier: verifier, authVerifier: verifier };
  const token = { serial: '523405696', params, drift: 0, lastStep: step - 1 };
  const issue = () => issueBlock({ desktopId: 'bench', user, token, codeAt: (s) => codeAtStep(seed, s, params), now, rules });
  const block = await issue();
  const code = codeAtStep(seed, step + 1, params);
  const rows: Row[] = [];
  const issued = await sampleMs(issue, 10);
  rows.push({ section: 'offline', figure: `issue an 8-hour block (${block.hashes.length} steps, PBKDF2-SHA256 ×${rules.offline.stepHashIterations})`, unit: 'ms', ...issued, goal: '< 250 ms', met: issued.median < 250 });
  const checked = await sampleMs(() => checkOfflineCode(block, code, emptyLedger(), rules, now), 50);
  rows.push({ section: 'offline', figure: 'one offline code check (±1 step, every candidate hashed)', unit: 'ms', ...checked, goal: '≤ 100 ms', met: checked.p95 <= 100 });
  const kdf = { alg: 'pbkdf2-sha256' as const, iterations: rules.offline.stepHashIterations, salt: randomBytes(16) };
  const guess = await sampleMs(() => hashStepCode(kdf, step, '123456'), 200);
  rows.push({ section: 'offline', figure: 'brute force: one guess at one step hash', unit: 'ms', ...guess });
  rows.push({ section: 'offline', figure: 'brute force: all 10^6 codes of one step, one core', unit: 's', median: guess.median * 1000, p95: guess.p95 * 1000 });
  report(rows);
}

void main();
