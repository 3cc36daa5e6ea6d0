import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repositories of main/store/repos/ are the store's interface to the services: a function there that no module
 * of main/ calls is dead, kept alive only by tests or benchmarks that then test what the product never runs (the
 * reviewer's example: findTokenById). Tests reach the store through the services, or through their own queries.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('no dead repository function (main/store/repos/)', () => {
  it('every function a repository exports is used by main/ beyond its own declaration', () => {
    const main = sources(join(root, 'main')).map((file) => readFileSync(file, 'utf8'));
    const unused = sources(join(root, 'main/store/repos')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^export (?:async )?function (\w+)/gm)]
        .map((m) => m[1]!)
        .filter((name) => main.reduce((n, text) => n + (text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0), 0) <= 1)
        .map((name) => `${relative(root, file)}: ${name}`),
    );
    expect(unused).toEqual([]);
  });
});
