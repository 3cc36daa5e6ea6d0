import { existsSync, readFileSync } from 'node:fs';
import run from '@doyensec/electronegativity';
import { describe, expect, it } from 'vitest';

type Entry = { check: string; file: string; reason: string };
type Issue = { id: string; file: string; severity: { name: string }; description: string; location?: { line: number } };

const allowList: Entry[] = JSON.parse(readFileSync('build/electronegativity-allowlist.json', 'utf8')).entries;
const electronVersion: string = JSON.parse(readFileSync('package.json', 'utf8')).devDependencies.electron;

/**
 * Static scan of the built JavaScript (its parsers predate today's TypeScript). The one check that needs the
 * internet, AvailableSecurityFixesGlobalCheck (it downloads Electron's release list), is excluded: checklist
 * item 16 pins a current Electron instead.
 */
describe('electronegativity scan of out/', () => {
  it('finds nothing above informational that the allow-list does not explain', { timeout: 120_000 }, async () => {
    expect(existsSync('out/main/index.js'), 'run `npm run build` first').toBe(true);
    const result = await run({
      input: 'out',
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      parserPlugins: ['optionalChaining'],
    });
    expect(result.errors).toEqual([]);
    const findings = (result.issues as Issue[]).filter((i) => i.severity.name !== 'INFORMATIONAL');
    const explained = (i: Issue) => allowList.some((e) => e.check === i.id && e.file === i.file);
    const unexplained = findings.filter((i) => !explained(i)).map((i) => `${i.id} ${i.file}:${i.location?.line} ${i.description}`);
    expect(unexplained).toEqual([]);
    const stale = allowList.filter((e) => !findings.some((i) => i.id === e.check && i.file === e.file));
    expect(stale, 'allow-list entries that no longer match a finding').toEqual([]);
    for (const entry of allowList) expect(entry.reason.length).toBeGreaterThan(20);
  });
});
