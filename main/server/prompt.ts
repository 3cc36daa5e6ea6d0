import { createInterface } from 'node:readline';

/**
 * Asks for secrets on the terminal without echoing them (never on the command line, where `ps` and the shell
 * history would keep them). Without a terminal (a pipe), reads one line per question.
 */
export async function askSecrets(questions: readonly string[]): Promise<string[]> {
  const tty = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: tty });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  const answers: string[] = [];
  const lines = rl[Symbol.asyncIterator]();
  try {
    for (const question of questions) {
      process.stderr.write(question);
      if (tty) muted._writeToOutput = () => undefined;
      const next = await lines.next();
      if (tty) process.stderr.write('\n');
      if (next.done) throw new Error('no answer on standard input');
      answers.push(String(next.value));
    }
  } finally {
    rl.close();
  }
  return answers;
}
