/**
 * Everything the process logs while a test runs: console.* and direct writes to stdout/stderr, kept as text
 * (and not shown, so provoked bug reports do not clutter the run). `restore()` puts the originals back.
 */
export type Capture = { readonly text: () => string; readonly restore: () => void };

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
/** console's methods by name: every one is replaced, not only those the lint rule allows the project to call. */
const consoleMethods = console as unknown as Record<(typeof METHODS)[number], (...args: unknown[]) => void>;

export function captureOutput(): Capture {
  const chunks: string[] = [];
  const keep = (...args: unknown[]) => {
    chunks.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ''}` : typeof a === 'string' ? a : safeJson(a))).join(' '));
  };
  const saved = METHODS.map((m) => [m, consoleMethods[m]] as const);
  for (const m of METHODS) consoleMethods[m] = keep;
  const writes = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof stream.write;
    return () => (stream.write = original);
  });
  return {
    text: () => chunks.join('\n'),
    restore() {
      for (const [m, original] of saved) consoleMethods[m] = original;
      for (const undo of writes) undo();
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The channels of the handler bugs in captured output: the core's default bug log writes the shared logger's JSON
 * lines on standard error (main/core/createCore.ts), `handler-bug`, or `store-error` for a SQLite code.
 */
export function bugChannels(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      const entry = JSON.parse(line) as { event?: string; channel?: string };
      return (entry.event === 'handler-bug' || entry.event === 'store-error') && entry.channel ? [entry.channel] : [];
    } catch {
      return [];
    }
  });
}
