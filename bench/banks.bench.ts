import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Encoding from 'encoding-japanese';
import { bankIndex } from '../main/banks/codeList';
import { branchesOf, searchBanks, searchBranches } from '../main/banks/search';
import { report, timeMs, type Row } from './lib/measure';

/**
 * SPEC R-TRX-1: the payee screen searches the 全銀 code list at each keystroke. Goal: p99 < 20 ms per search.
 * The queries are every prefix a user types on the way to a bank or branch: by code, by kanji name, and by kana
 * typed in hiragana or half-width katakana, over a deterministic sample of the list.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const prefixes = (text: string) => [...text].map((_, i, all) => all.slice(0, i + 1).join(''));
const every = <T>(items: readonly T[], n: number) => items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function typed(entries: readonly { code: string; name: string; kana: string }[]): string[] {
  return entries.flatMap((e) => [
    ...prefixes(e.code),
    ...prefixes(e.name),
    ...prefixes(Encoding.toHiraganaCase(e.kana)),
    ...prefixes(Encoding.toHankanaCase(e.kana)),
  ]);
}

/** Each search timed alone, as a keystroke would run it, after a warm-up of the first 50. */
async function latency(section: string, figure: string, searches: (() => unknown)[]): Promise<Row> {
  for (const search of searches.slice(0, 50)) search();
  const times: number[] = [];
  for (const search of searches) times.push(await timeMs(search));
  const sorted = times.sort((a, b) => a - b);
  const p99 = quantile(sorted, 0.99);
  const median = quantile(sorted, 0.5);
  const label = `${figure} (${searches.length} prefixes; p99 ${p99.toFixed(2)} ms)`;
  return { section, figure: label, unit: 'ms', median, p95: quantile(sorted, 0.95), goal: 'p99 < 20 ms', met: p99 < 20 };
}

async function main() {
  const before = heapMb();
  const buildMs = await timeMs(bankIndex);
  const heldMb = heapMb() - before;
  const banks = bankIndex().banks.map((b) => b.entry);
  const bankQueries = typed(every(banks, 40));
  const big = ['0001', '0005', '0009'];
  const branchSearches = big.flatMap((bank) => typed(every(branchesOf(bank), 8)).map((q) => () => searchBranches(bank, q)));
  const section = 'Bank search';
  report([
    { section, figure: 'first use: require zengin-code and build the index, once per process', unit: 'ms', median: buildMs, p95: buildMs },
    { section, figure: 'heap held by the list and its index after GC', unit: 'MiB', median: heldMb, p95: heldMb },
    await latency(section, 'searchBanks, one keystroke', bankQueries.map((q) => () => searchBanks(q))),
    await latency(section, 'searchBranches in 0001/0005/0009, one keystroke', branchSearches),
  ]);
}

void main();
