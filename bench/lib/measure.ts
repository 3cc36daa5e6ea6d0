import { writeFileSync } from 'node:fs';

export type Row = {
  section: string;
  figure: string;
  unit: string;
  median: number;
  p95: number;
  /** The ratio the goal is stated in, measured in the same run. */
  ratio?: number;
  ratioOf?: string;
  goal?: string;
  met?: boolean;
};

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export function summarise(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

/** Times `run` `samples` times after `warmup` runs; answers median and p95 of the per-call milliseconds. */
export async function sampleMs(run: () => unknown, samples: number, warmup = Math.ceil(samples / 5)) {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await timeMs(run));
  return summarise(times);
}

export async function timeMs(run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Operations per second, single core: `batch` operations per sample, so timer overhead vanishes. p95 is the
 * throughput of the slowest 5 % of samples.
 */
export async function opsPerSecond(op: (i: number) => unknown, batch: number, samples = 30) {
  let i = 0;
  const ms = await sampleMs(() => {
    for (let k = 0; k < batch; k++) op(i++);
  }, samples);
  return { median: (batch * 1000) / ms.median, p95: (batch * 1000) / ms.p95 };
}

/** Each section process writes its rows to the file the runner names as its first argument. */
export function report(rows: Row[]): void {
  const target = process.argv[2];
  if (target) writeFileSync(target, JSON.stringify(rows));
  else console.log(JSON.stringify(rows, null, 1));
}
