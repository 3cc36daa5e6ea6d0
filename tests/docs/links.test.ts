import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The README pointed at an `HTTP-SHAPE.md` that never existed (issue 23). Every file the docs name must exist:
 * a Markdown link (relative to its page, and inside the repository, since the forge shows nothing outside it),
 * a path in a code span from one of the repository's own top-level folders (relative to the root, as the docs
 * write them), and any `*.md` named in the prose. Generated files (`out/`, `.demo-data/`) and the spec beside
 * the repository (`../shared/`) are not in the repository and are not checked.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const TOP = new Set(['main', 'shared', 'renderer', 'tests', 'e2e', 'bench', 'scripts', 'docs', 'build', '.github', '.ci']);

const pages = (): string[] => [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
].filter((page) => existsSync(join(root, page)));

const withoutAnchor = (target: string): string => target.replace(/[#?].*$/, '');
const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#');

/** What each page names, as `{ page, target, resolved }`: the broken ones are those whose file is missing. */
function namedFiles(page: string): { target: string; resolved: string }[] {
  const text = readFileSync(join(root, page), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  const here = dirname(join(root, page));
  const links = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), ...text.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)]
    .map((m) => m[1]!)
    .filter((t) => !isExternal(t))
    .map((t) => ({ target: t, resolved: resolve(here, decodeURI(withoutAnchor(t))) }));
  const spans = [...text.matchAll(/`([^`\s]+)`/g)]
    .map((m) => withoutAnchor(m[1]!))
    .filter((t) => TOP.has(t.split('/')[0]!) && t.includes('/') && !/[<>*{}…]/.test(t))
    .map((t) => ({ target: t, resolved: join(root, t) }));
  const prose = [...text.replace(/`[^`]*`|\]\([^)]*\)/g, '').matchAll(/(?<![\w./-])([\w-]+(?:\/[\w.-]+)*\.md)\b/g)]
    .map((m) => m[1]!)
    .map((t) => ({ target: t, resolved: [join(here, t), join(root, t)].find((p) => existsSync(p)) ?? join(here, t) }));
  return [...links, ...spans, ...prose];
}

/** GitHub's heading anchors: lower case, punctuation dropped (hyphens kept), spaces to hyphens. */
const slug = (heading: string): string =>
  heading.replace(/`/g, '').toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!.trim())));
}

/** Links to a heading of a Markdown page (`docs/offline.md#window-of-exposure`, `#the-desktop`) whose heading is gone. */
function brokenAnchors(page: string): string[] {
  const text = readFileSync(join(root, page), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return [...text.matchAll(/\]\(\s*([^)\s]*#[^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t))
    .filter((t) => {
      const [path, anchor] = t.split('#') as [string, string];
      const file = path === '' ? join(root, page) : resolve(dirname(join(root, page)), path);
      return file.endsWith('.md') && existsSync(file) && !anchorsOf(file).has(anchor);
    });
}

describe('docs name only files that exist (issue 23)', () => {
  it('README.md is among the pages checked', () => {
    expect(pages()).toContain('README.md');
  });

  it.each(pages())('%s: every linked or named file exists, inside the repository', (page) => {
    const broken = namedFiles(page)
      .filter(({ resolved }) => relative(root, resolved).startsWith('..') || !existsSync(resolved))
      .map(({ target }) => target);
    expect([...new Set(broken)]).toEqual([]);
  });

  it.each(pages())('%s: every link to a heading finds it', (page) => {
    expect(brokenAnchors(page)).toEqual([]);
  });
});
