import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RotatingFile } from '../../../main/log/rotatingFile';
import { permissiveTempDir } from '../../support/permissive';

const tempDir = permissiveTempDir('shell-rotate-');

const line = (n: number) => `${String(n).padStart(9, '0')}\n`;

describe('support log rotation (issue 12 item 10)', () => {
  it('rotates by size, keeps the newest files only, and never splits a line', () => {
    const file = new RotatingFile(join(tempDir(), 'logs'), 'app', { maxBytes: 30, keep: 2 });
    for (let n = 0; n < 12; n++) file.write(line(n));
    file.close();
    expect(readdirSync(join(tempDir(), 'logs')).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    const read = (name: string) => readFileSync(join(tempDir(), 'logs', name), 'utf8');
    expect(read('app.log')).toBe(line(9) + line(10) + line(11));
    expect(read('app.1.log')).toBe(line(6) + line(7) + line(8));
    expect(read('app.2.log')).toBe(line(3) + line(4) + line(5));
  });

  it('appends across restarts and counts what is already there', () => {
    const first = new RotatingFile(tempDir(), 'app', { maxBytes: 30, keep: 1 });
    first.write(line(1));
    first.write(line(2));
    first.close();
    const second = new RotatingFile(tempDir(), 'app', { maxBytes: 30, keep: 1 });
    second.write(line(3));
    second.write(line(4));
    second.close();
    expect(readFileSync(join(tempDir(), 'app.1.log'), 'utf8')).toBe(line(1) + line(2) + line(3));
    expect(readFileSync(join(tempDir(), 'app.log'), 'utf8')).toBe(line(4));
  });

  it('finding 6: the log folder is 0700 and every log file 0600, whatever the umask', () => {
    const file = new RotatingFile(join(tempDir(), 'logs'), 'app', { maxBytes: 10, keep: 1 });
    file.write(line(1));
    file.write(line(2));
    file.close();
    expect(statSync(join(tempDir(), 'logs')).mode & 0o777).toBe(0o700);
    for (const name of ['app.log', 'app.1.log']) {
      expect(existsSync(join(tempDir(), 'logs', name))).toBe(true);
      expect(statSync(join(tempDir(), 'logs', name)).mode & 0o777, name).toBe(0o600);
    }
  });
});
