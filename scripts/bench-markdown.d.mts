import type { Row } from '../bench/lib/measure';

/** A bench row as scripts/bench.mjs keeps it: the measure's row and the section file it came from. */
export type BenchRow = Row & { key: string };
export function markers(section: string): [string, string];
export function conditions(at?: Date): string;
export function sectionTable(rows: BenchRow[], stamp: string): string;
export function markdown(rows: BenchRow[], stamp?: string): string;
export function writeInto(page: string, rows: BenchRow[], stamp?: string): string;
