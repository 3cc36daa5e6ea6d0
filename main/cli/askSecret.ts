import { createInterface } from 'node:readline';

/**
 * Asks one secret on the terminal with echo off (never on the command line, where `ps` and the shell history
 * would keep it). Without a terminal (a pipe), reads one line.
 */
export async function askSecret(question: string): Promise<string> {
  const tty = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: tty });
  try {
    process.stderr.write(question);
    // readline echoes what is typed through _writeToOutput: silenced while the secret is typed.
    if (tty) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    const next = await rl[Symbol.asyncIterator]().next();
    if (tty) process.stderr.write('\n');
    if (next.done) throw new Error('no answer on standard input');
    return String(next.value);
  } finally {
    rl.close();
  }
}
