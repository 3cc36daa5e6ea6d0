// `npm run bench [-- --json FILE]`: every benchmark section in its own process (so one section's heap and JIT
// do not colour the next), then one table; with --json, the same figures for comparing runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SECTIONS = ['otp', 'handlers', 'responsiveness', 'memory', 'store', 'screens', 'server', 'offline', 'offlineServer', 'sync', 'banks'];
const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;
const work = mkdtempSync(join(tmpdir(), 'otp-bench-run-'));

const rows = [];
for (const section of SECTIONS) {
  const out = join(work, `${section}.json`);
  console.error(`… ${section}`);
  const run = spawnSync('npx', ['tsx', `bench/${section}.bench.ts`, out], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0 || !existsSync(out)) {
    rows.push({ section, figure: `section failed (exit ${run.status})`, unit: '', median: NaN, p95: NaN, met: false });
    continue;
  }
  rows.push(...JSON.parse(readFileSync(out, 'utf8')));
}

const fmt = (n) => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2)) : '-');
const table = rows.map((r) => [
  r.section,
  r.figure,
  `${fmt(r.median)} ${r.unit}`,
  `${fmt(r.p95)} ${r.unit}`,
  r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}× ${r.ratioOf ?? ''}`.trim(),
  r.goal ?? '',
  r.met === undefined ? '' : r.met ? 'met' : 'NOT met',
]);
const head = ['section', 'figure', 'median', 'p95', 'ratio', 'goal', ''];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log([line(head), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n'));
console.log(`\nmachine: ${process.arch}, Node ${process.version}, ${new Date().toISOString()}`);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 1));
