import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

type Message = { readonly type: string };

/**
 * A TypeScript script of this folder in its own Node process (through tsx), spoken to over the IPC channel.
 * `next(type)` answers the first message of that type, waiting for it; a child that dies meanwhile rejects it
 * with its stderr, so a crash in a child is reported rather than hung on.
 */
export class Child<In extends Message, Out extends Message> {
  readonly process: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly inbox: Out[] = [];
  private readonly waiting: { type: string; resolve: (m: Out) => void; reject: (e: Error) => void }[] = [];
  /** When each kind of message last arrived (performance.now()), for phase timings. */
  readonly arrivedAt = new Map<string, number>();
  private errors = '';
  private gone = false;

  constructor(script: string, args: readonly string[]) {
    this.process = fork(fileURLToPath(new URL(script, import.meta.url)), args, {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.errors += chunk.toString('utf8')));
    this.process.on('message', (m) => this.deliver(m as Out));
    this.exited = new Promise((resolve) =>
      this.process.on('exit', (code, signal) => {
        this.gone = true;
        for (const w of this.waiting.splice(0)) w.reject(new Error(`child exited (${code ?? signal}) waiting for ${w.type}: ${this.errors}`));
        resolve({ code, signal });
      }),
    );
  }

  send(message: In): void {
    this.process.send(message);
  }

  next<T extends Out['type']>(type: T, timeoutMs = 60_000): Promise<Extract<Out, { type: T }>> {
    const queued = this.inbox.findIndex((m) => m.type === type);
    if (queued >= 0) return Promise.resolve(this.inbox.splice(queued, 1)[0] as Extract<Out, { type: T }>);
    if (this.gone) return Promise.reject(new Error(`child already exited, no ${type}: ${this.errors}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} from child within ${timeoutMs} ms: ${this.errors}`)), timeoutMs);
      const settle = <A>(f: (a: A) => void) => (a: A) => (clearTimeout(timer), f(a));
      this.waiting.push({ type, resolve: settle(resolve as (m: Out) => void), reject: settle(reject) });
    });
  }

  async kill(): Promise<void> {
    if (!this.gone) this.process.kill('SIGKILL');
    await this.exited;
  }

  stderr(): string {
    return this.errors;
  }

  private deliver(message: Out): void {
    this.arrivedAt.set(message.type, performance.now());
    const i = this.waiting.findIndex((w) => w.type === message.type);
    if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(message);
    else this.inbox.push(message);
  }
}
