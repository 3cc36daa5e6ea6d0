// `npm run docs:spec-map`: writes the table "SPEC rule → the modules citing it" into docs/architecture.md, between
// its markers. tests/docs/specMap.test.ts builds the same table in memory and fails when the committed one differs.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const ARCHITECTURE = join(root, 'docs/architecture.md');
export const START = '<!-- spec-map:start (npm run docs:spec-map writes this table) -->';
export const END = '<!-- spec-map:end -->';
const SCANNED = ['main', 'shared', 'renderer'];

/** Rules of features not built yet: listed as such rather than failing the check (SPEC's transactions). */
export const NOT_BUILT = /^R-TRX-/;

export interface Rule {
  id: string;
  summary: string;
}

/** The spec lives beside the repository (`../shared/SPEC.md`, as in CI); SPEC_FILE points elsewhere. */
export function specFile(): string {
  const file = process.env.SPEC_FILE ?? join(root, '../shared/SPEC.md');
  if (!existsSync(file)) throw new Error(`SPEC.md not found at ${file} (set SPEC_FILE)`);
  return file;
}

/** Every `- R-XXX-N text` line of the spec, in its order, with the start of its text. */
export function specRules(spec: string): Rule[] {
  return [...spec.matchAll(/^- (R-[A-Z]+-\d+[a-z]?) (.*)$/gm)].map((m) => ({ id: m[1]!, summary: shorten(m[2]!) }));
}

function shorten(text: string): string {
  const plain = text.replace(/\*\*|`|\|/g, '');
  const sentence = plain.split(/(?<=[.;])\s/)[0]!.replace(/;$/, '');
  return sentence.length <= 70 ? sentence : `${sentence.slice(0, 68).replace(/\s+\S*$/, '')} …`;
}

const numberOf = (id: string): number => Number(/-(\d+)[a-z]?$/.exec(id)![1]);

/**
 * The rule IDs one citation names: `R-REV-5`, a range `R-REV-1..5` (every rule of the spec in it, `R-REV-2a`
 * included), a list `R-OFF-3/7`. A cited ID the spec does not have is kept, so the check can report it.
 */
export function expand(citation: string, rules: Rule[]): string[] {
  const [, prefix, first, rest] = /^(R-[A-Z]+)-(\d+[a-z]?)(.*)$/.exec(citation)!;
  const ids = [`${prefix}-${first}`];
  let from = numberOf(ids[0]!);
  for (const [, sep, to] of rest!.matchAll(/(\.\.|\/)(\d+[a-z]?)/g)) {
    const id = `${prefix}-${to}`;
    if (sep === '..') {
      ids.push(...rules.map((r) => r.id).filter((r) => r.startsWith(`${prefix}-`) && numberOf(r) > from && numberOf(r) <= numberOf(id)));
    } else ids.push(id);
    from = numberOf(id);
  }
  return [...new Set(ids)];
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

/** Rule ID → the source files (relative, sorted) that cite it anywhere in their text. */
export function citations(rules: Rule[]): Map<string, string[]> {
  const cited = new Map<string, Set<string>>();
  for (const file of SCANNED.flatMap((dir) => sources(join(root, dir)))) {
    const path = relative(root, file);
    for (const [citation] of readFileSync(file, 'utf8').matchAll(/R-[A-Z]+-\d+[a-z]?(?:(?:\.\.|\/)\d+[a-z]?)*/g)) {
      for (const id of expand(citation, rules)) cited.set(id, (cited.get(id) ?? new Set()).add(path));
    }
  }
  return new Map([...cited].map(([id, files]) => [id, [...files].sort()]));
}

/** `main/revocation/revoke.ts`, `main/revocation/reregistration.ts` → "`main/revocation/`: reregistration, revoke". */
export function modules(files: string[]): string {
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const cut = file.lastIndexOf('/');
    const folder = file.slice(0, cut + 1);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file.slice(cut + 1).replace(/\.tsx?$/, '')]);
  }
  return [...byFolder].map(([folder, names]) => `\`${folder}\`: ${names.join(', ')}`).join('; ');
}

export function table(rules: Rule[], cited: Map<string, string[]>): string {
  const rows = rules.map(({ id, summary }) => {
    const files = cited.get(id);
    const where = files ? modules(files) : NOT_BUILT.test(id) ? '*not yet implemented*' : '**no module cites it**';
    return `| ${id} | ${summary} | ${where} |`;
  });
  return ['| rule | says | cited in |', '|---|---|---|', ...rows].join('\n');
}

export function generate(): string {
  const rules = specRules(readFileSync(specFile(), 'utf8'));
  return table(rules, citations(rules));
}

/** The text between the markers of docs/architecture.md. */
export function committed(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/architecture.md lacks the markers ${START} … ${END}`);
  return doc.slice(start + START.length, end).trim();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = readFileSync(ARCHITECTURE, 'utf8');
  const before = doc.slice(0, doc.indexOf(START) + START.length);
  writeFileSync(ARCHITECTURE, `${before}\n${generate()}\n${doc.slice(doc.indexOf(END))}`);
  console.log('docs/architecture.md: rule table written');
}
