import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdown, markers, writeInto, type BenchRow } from '../../scripts/bench-markdown.mjs';

/** docs/benchmarks.md holds the figures `npm run bench -- --write-docs` writes, each section between its markers. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const page = readFileSync(join(root, 'docs/benchmarks.md'), 'utf8');
const sections = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
const row = (key: string, figure: string): BenchRow => ({ key, section: key, figure, unit: 'ms', median: 12.5, p95: 250, goal: '< 100 ms', met: false });

describe('bench --markdown and --write-docs (issue 23)', () => {
  it.each(sections)('docs/benchmarks.md has the markers of section %s', (section) => {
    const [start, end] = markers(section);
    expect(page.indexOf(start)).toBeGreaterThan(-1);
    expect(page.indexOf(end)).toBeGreaterThan(page.indexOf(start));
  });

  it('--write-docs replaces the tables of the sections run and leaves every other line as it was', () => {
    const written = writeInto(page, [row('sync', 'sync of a company | piped')], 'STAMP');
    const [start, end] = markers('sync');
    const inside = written.slice(written.indexOf(start), written.indexOf(end));
    expect(inside).toContain('| sync of a company \\| piped | 12.50 ms | 250 ms |  | < 100 ms | **not met** |');
    expect(inside).toContain('Measured STAMP');
    expect(inside).not.toContain('From the earlier runs');
    const outside = (text: string) => text.slice(0, text.indexOf(start)) + text.slice(text.indexOf(end));
    expect(outside(written)).toBe(outside(page));
  });

  it('--markdown prints one table per section, with the markers --write-docs looks for', () => {
    const text = markdown([row('otp', 'a'), row('otp', 'b'), row('store', 'c')], 'STAMP');
    expect(text.match(/^\| figure \| median/gm)).toHaveLength(2);
    for (const key of ['otp', 'store']) expect(text).toContain(markers(key)[0]);
  });

  it('a section without markers is refused, not appended somewhere', () => {
    expect(() => writeInto('# nothing here', [row('otp', 'a')])).toThrow(/no markers for section otp/);
  });
});
