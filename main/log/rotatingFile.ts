import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export type RotationOptions = {
  /** A file grows to at most this many bytes before it is rotated. */
  readonly maxBytes: number;
  /** How many rotated files are kept beside the current one (name.1.log is the newest). */
  readonly keep: number;
};

export const DEFAULT_ROTATION: RotationOptions = { maxBytes: 1024 * 1024, keep: 5 };

/**
 * A size-rotated log file written synchronously: a start-up failure is on disk before the app exits, which an
 * asynchronous stream (pino-roll's worker thread) does not promise. Folder 0700, files 0600: support asks the
 * user for them, nobody else reads them.
 */
export class RotatingFile {
  private fd: number;
  private size: number;
  private readonly file: string;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly options: RotationOptions = DEFAULT_ROTATION,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = join(dir, `${name}.log`);
    this.fd = openSync(this.file, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  get path(): string {
    return this.file;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
  }

  close(): void {
    closeSync(this.fd);
  }

  private rotated(n: number): string {
    return join(this.dir, `${this.name}.${n}.log`);
  }

  private rotate(): void {
    closeSync(this.fd);
    rmSync(this.rotated(this.options.keep), { force: true });
    for (let n = this.options.keep - 1; n >= 1; n--) {
      if (existsSync(this.rotated(n))) renameSync(this.rotated(n), this.rotated(n + 1));
    }
    renameSync(this.file, this.rotated(1));
    this.fd = openSync(this.file, 'a', 0o600);
    this.size = 0;
  }
}
