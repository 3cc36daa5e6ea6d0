import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PostgreSQL server of its own in a temporary folder, reached on a Unix socket in that folder. */
export type TempPostgres = {
  /** `postgresql://postgres@%2Ftmp%2F…/postgres`: the superuser on the maintenance database. */
  readonly url: string;
  /** The socket's folder, for `psql -h <socketDir> -U postgres`. */
  readonly socketDir: string;
  /** The URL of another database on the same server. */
  urlOf(database: string): string;
  /** `pg_ctl restart -m immediate`: every server process killed at once, as by a crash; resolves once it is back. */
  restartImmediately(): Promise<void>;
  stop(): Promise<void>;
  /** The same, synchronously and at once (`-m immediate`): for an `exit` or signal handler. */
  stopNow(): void;
};

const SUPERUSER = 'postgres';

/** Debian installs each major version under /usr/lib/postgresql/N/bin, off the PATH: the newest one, else the PATH. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? '' : join(root, newest, 'bin');
}

/**
 * initdb refuses to run as root (CI runs as root): there the server belongs to the `postgres` user that
 * Debian's package creates, and every command runs through runuser.
 */
function commandFor(dir: string): (tool: string, args: string[]) => [string, string[]] {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  return (tool, args) => {
    const path = bin ? join(bin, tool) : tool;
    return asRoot ? ['runuser', ['-u', SUPERUSER, '--', path, ...args]] : [path, args];
  };
}

function postgresUser(): { uid: number; gid: number } {
  // Once, before the server exists. `id` also knows users that /etc/passwd does not list.
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Starts a throw-away server: initdb into a new temporary folder (UTF-8, C collation: text sorts by code
 * point, as SQLite's does), listening only on a Unix socket in that folder, with trust authentication (only
 * the folder's owner and root can reach the socket). `fast` turns fsync off: for tests and demos, whose data
 * may be lost. `stop` shuts it down and removes the folder.
 */
export async function startTempPostgres(options: { prefix?: string; fast?: boolean } = {}): Promise<TempPostgres> {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'otp-postgres-'));
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const command = commandFor(dir);
  const pgCommand = (tool: string, args: string[]) => run(...command(tool, args), { cwd: dir });
  const settings = ["-c listen_addresses=''", `-k ${dir}`, '-c max_connections=300'];
  if (options.fast !== false) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  try {
    await pgCommand('initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    await pgCommand('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`cannot start a temporary PostgreSQL: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
  }
  const urlOf = (database: string) => `postgresql://${SUPERUSER}@${encodeURIComponent(dir)}/${database}`;
  return {
    url: urlOf('postgres'),
    socketDir: dir,
    urlOf,
    async restartImmediately() {
      await pgCommand('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-m', 'immediate', '-w', 'restart']);
    },
    async stop() {
      await pgCommand('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
    stopNow() {
      if (!existsSync(dir)) return;
      try {
        execFileSync(...command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { cwd: dir, stdio: 'ignore' });
      } catch {
        // Already stopped: only the folder is left.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
