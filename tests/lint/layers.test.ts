import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Layers of the main process, lowest first, declared once here: a module may import its own folder, a folder of
 * its own layer, or a lower layer, never a higher one; and no two folders may import each other, even through a
 * third. `shared/` sits below everything. Type-only imports count: a type is a dependency too.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['shared'],
  ['config', 'crypto', 'log', 'banks', 'bank'],
  ['store'],
  ['session', 'context', 'otp', 'seedFiles', 'attempts', 'views'],
  ['account', 'audit', 'auth', 'backup', 'imports', 'offline', 'revocation', 'setup', 'tokens', 'top', 'transfers', 'users'],
  ['ipc'],
  ['core', 'remote', 'startup'],
  ['sync'],
  ['connection'],
  ['shell', 'server', 'cli', 'demo'],
];

const root = fileURLToPath(new URL('../..', import.meta.url));
const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** `main/<folder>/…` → folder; `shared/…` → 'shared'; anything else (packages, node:) → null. */
function folderOf(file: string): string | null {
  const [top, folder] = relative(root, file).split(/[\\/]/);
  if (top === 'shared') return 'shared';
  return top === 'main' && folder !== undefined ? folder : null;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every folder-to-folder import of main/: [from, to, the importing file]. */
function folderEdges(): [string, string, string][] {
  return sources(join(root, 'main')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((m) => m[1] ?? m[2]!)
      .filter((spec) => spec.startsWith('.'))
      .map((spec): [string, string, string] => [folderOf(file)!, folderOf(resolve(dirname(file), spec)) ?? '?', relative(root, file)])
      .filter(([from, to]) => from !== to),
  );
}

/** The source file an import names: `./x` is x.ts, x.tsx or x/index.ts(x); null for one outside the tree. */
function fileOf(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((f) => /\.tsx?$/.test(f) && existsSync(f));
  return found ?? null;
}

/**
 * Every import between two files of one folder, in main/, shared/ and renderer/: [from, to, from]. A circle of
 * files inside a folder is one the folder-level test cannot see; it makes the order a module is initialised in
 * a matter of luck, and it says two files are one module cut in two.
 */
function fileEdges(): [string, string, string][] {
  return ['main', 'shared', 'renderer'].flatMap((top) =>
    sources(join(root, top)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)]
        .map((m) => m[1] ?? m[2]!)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => fileOf(file, spec))
        .filter((to): to is string => to !== null && dirname(to) === dirname(file))
        .map((to): [string, string, string] => [relative(root, file), relative(root, to), relative(root, file)]),
    ),
  );
}

/** Folders (or files) that reach themselves through the graph: each cycle once, as the path that closes it. */
function cycles(edges: readonly [string, string, string][]): string[] {
  const next = new Map<string, Set<string>>();
  for (const [from, to] of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const found = new Set<string>();
  const walk = (path: string[]) => {
    for (const to of next.get(path.at(-1)!) ?? []) {
      if (to === path[0]) found.add([...path, to].join(' → '));
      else if (!path.includes(to) && to > path[0]!) walk([...path, to]);
    }
  };
  for (const start of next.keys()) walk([start]);
  return [...found].sort();
}

describe('layers of main/ (issue 10: one core for two shells)', () => {
  const edges = folderEdges();

  it('every folder of main/ has a layer', () => {
    const folders = new Set(sources(join(root, 'main')).map((f) => folderOf(f)!));
    expect([...folders].filter((f) => !layerOf.has(f))).toEqual([]);
  });

  it('no module imports a layer above its own', () => {
    const upward = edges.filter(([from, to]) => (layerOf.get(to) ?? Infinity) > layerOf.get(from)!).map(([from, to, file]) => `${file}: ${from} → ${to}`);
    expect(upward).toEqual([]);
  });

  it('no folder-level cycle, however long', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('no file-level circle inside a folder (issue 23), in main/, shared/ or renderer/', () => {
    expect(cycles(fileEdges())).toEqual([]);
  });
});
