/** Small timing helpers for `npm run bench`: medians over repeated runs, printed as a table. */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  medianMs: number;
  p95Ms: number;
  runs: number;
  budgetMs: number | null;
  ok: boolean | null;
  note?: string;
  /** Unit of the values; milliseconds unless said otherwise. */
  unit?: string;
}

export async function measure(name: string, fn: () => unknown, options: { runs?: number; warmup?: number; budgetMs?: number; note?: string } = {}): Promise<Measurement> {
  const runs = options.runs ?? 30;
  for (let i = 0; i < (options.warmup ?? 3); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
  const budget = options.budgetMs ?? null;
  return { name, medianMs: round(median), p95Ms: round(p95), runs, budgetMs: budget, ok: budget === null ? null : median <= budget, note: options.note };
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function printTable(title: string, rows: Measurement[]): void {
  console.log(`\n${title}`);
  console.log('-'.repeat(title.length));
  const w = Math.max(...rows.map((r) => r.name.length), 10);
  for (const r of rows) {
    const u = r.unit ?? 'ms';
    const budget = r.budgetMs === null ? '' : `  budget ${r.budgetMs} ${u}  ${r.ok ? 'OK' : 'OVER'}`;
    console.log(`${r.name.padEnd(w)}  median ${String(r.medianMs).padStart(8)} ${u}  p95 ${String(r.p95Ms).padStart(8)} ${u}  (n=${r.runs})${budget}${r.note ? `  ${r.note}` : ''}`);
  }
}
