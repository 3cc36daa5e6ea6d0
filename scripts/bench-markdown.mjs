// The Markdown form of `npm run bench`'s figures: one table per section, each between its own markers in
// docs/benchmarks.md, so `--write-docs` replaces the sections it ran and leaves the others (and the prose) alone.
import { cpus, loadavg } from 'node:os';

const fmt = (n) => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2)) : '-');
const cell = (text) => String(text).replace(/\|/g, '\\|');

export const markers = (section) => [`<!-- bench:${section}:start -->`, `<!-- bench:${section}:end -->`];

/** The conditions a figure depends on: when, which Node, how many cores and how busy they were. */
export function conditions(at = new Date()) {
  const [one, five] = loadavg();
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${process.arch}, ${cpus().length} cores, load average ${one.toFixed(1)} (1 min) ${five.toFixed(1)} (5 min)`;
}

export function sectionTable(rows, stamp) {
  const lines = rows.map((r) => {
    const ratio = r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}× ${r.ratioOf ?? ''}`.trim();
    const met = r.met === undefined ? '' : r.met ? 'met' : '**not met**';
    return `| ${cell(r.figure)} | ${fmt(r.median)} ${r.unit} | ${fmt(r.p95)} ${r.unit} | ${cell(ratio)} | ${cell(r.goal ?? '')} | ${met} |`;
  });
  return [`Measured ${stamp} (\`npm run bench -- --markdown\`).`, '', '| figure | median | p95 | ratio | goal | |', '|---|---|---|---|---|---|', ...lines].join('\n');
}

const keys = (rows) => [...new Set(rows.map((r) => r.key))];

/** Every section's table under its heading, with its markers: what `--markdown` prints. */
export function markdown(rows, stamp = conditions()) {
  return keys(rows)
    .map((key) => {
      const own = rows.filter((r) => r.key === key);
      return [`### ${own[0].section} (\`${key}\`)`, '', markers(key)[0], sectionTable(own, stamp), markers(key)[1]].join('\n');
    })
    .join('\n\n');
}

/** The page with each section's table replaced between its markers; a section without markers is an error. */
export function writeInto(page, rows, stamp = conditions()) {
  return keys(rows).reduce((text, s) => {
    const [start, end] = markers(s);
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/benchmarks.md has no markers for section ${s}`);
    return `${text.slice(0, from + start.length)}\n${sectionTable(rows.filter((r) => r.key === s), stamp)}\n${text.slice(to)}`;
  }, page);
}
