export interface BenchRow {
  key: string;
  section: string;
  figure: string;
  unit: string;
  median: number;
  p95: number;
  ratio?: number;
  ratioOf?: string;
  goal?: string;
  met?: boolean;
}
export function markers(section: string): [string, string];
export function conditions(at?: Date): string;
export function sectionTable(rows: BenchRow[], stamp: string): string;
export function markdown(rows: BenchRow[], stamp?: string): string;
export function writeInto(page: string, rows: BenchRow[], stamp?: string): string;
