// `npm test`: the whole suite as CI runs it. Every stage runs even after a failure, and the last line is
// the plain summary `N passed, N failed` (typecheck, lint and build count as one check each; test runners
// count their tests), so a run that executed nothing cannot pass unnoticed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' }).status === 0;

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const totals = { passed: 0, failed: 0, skipped: 0 };
const check = (name, ok) => {
  totals[ok ? 'passed' : 'failed'] += 1;
  console.log(`\n== ${name}: ${ok ? 'ok' : 'FAILED'}`);
};

function vitest() {
  const ok = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/unit.json`]);
  const report = readJson(`${OUT}/unit.json`);
  if (!report) return check('unit tests (no report written)', false);
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  totals.skipped += report.numPendingTests + report.numTodoTests;
  console.log(`\n== unit tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

function playwright(name, config) {
  const file = `${OUT}/${name.replace(/\W+/g, '-')}.json`;
  const ok = run('npx', ['playwright', 'test', '--config', config], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const report = readJson(file);
  if (!report) return check(`${name} (no report written)`, false);
  const { expected, unexpected, flaky, skipped } = report.stats;
  totals.passed += expected;
  totals.failed += unexpected + flaky + (ok || unexpected + flaky > 0 ? 0 : 1);
  totals.skipped += skipped;
  console.log(`\n== ${name}: ${expected} passed, ${unexpected + flaky} failed, ${skipped} skipped`);
}

check('typecheck', run('npm', ['run', '--silent', 'typecheck']));
check('lint', run('npm', ['run', '--silent', 'lint']));
// The build comes before the unit tests: the security scan and the browser tests read out/.
const built = run('npm', ['run', '--silent', 'build']);
check('build', built);
vitest();
if (built) playwright('browser tests', 'playwright.config.ts');
if (built) playwright('Electron end-to-end', 'playwright.electron.config.ts');

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
