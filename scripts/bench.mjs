// `npm run bench [-- --json FILE] [--markdown] [--write-docs] [--sections otp,store]`: every benchmark section
// (or those named) in its own process (so one section's heap and JIT do not colour the next), then one table;
// with --json, the same figures for comparing runs; with --markdown, one Markdown table per section, and with
// --write-docs, those tables written into docs/benchmarks.md between each section's markers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conditions, markdown, writeInto } from './bench-markdown.mjs';

const ALL = ['otp', 'handlers', 'responsiveness', 'memory', 'store', 'screens', 'server', 'offline', 'offlineServer', 'sync', 'banks'];
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const jsonFile = option('--json');
const SECTIONS = option('--sections')?.split(',') ?? ALL;
const unknown = SECTIONS.filter((s) => !ALL.includes(s));
if (unknown.length) throw new Error(`unknown bench sections: ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
const DOCS = 'docs/benchmarks.md';
const work = mkdtempSync(join(tmpdir(), 'otp-bench-run-'));

const rows = [];
for (const section of SECTIONS) {
  const out = join(work, `${section}.json`);
  console.error(`… ${section}`);
  const run = spawnSync('npx', ['tsx', `bench/${section}.bench.ts`, out], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0 || !existsSync(out)) {
    rows.push({ key: section, section, figure: `section failed (exit ${run.status})`, unit: '', median: NaN, p95: NaN, met: false });
    continue;
  }
  // Each row keeps its file's name (`otp`), which names its markers in docs/benchmarks.md.
  rows.push(...JSON.parse(readFileSync(out, 'utf8')).map((row) => ({ key: section, ...row })));
}

const stamp = conditions();
if (process.argv.includes('--markdown')) console.log(markdown(rows, stamp));
else printTable(rows);
if (process.argv.includes('--write-docs')) {
  writeFileSync(DOCS, writeInto(readFileSync(DOCS, 'utf8'), rows, stamp));
  console.error(`${DOCS}: ${SECTIONS.join(', ')} written`);
}
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 1));

function printTable(rows) {
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
  console.log(`\nmachine: ${stamp}`);
}
