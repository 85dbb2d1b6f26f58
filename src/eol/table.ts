import data from './cycles.json' with { type: 'json' };

/** Products of the end-of-life table: runtimes and the operating systems base images are built on. */
export type Product = 'node' | 'bun' | 'deno' | 'python' | 'go' | 'ruby' | 'php' | 'java' | 'dotnet' | 'elixir' | 'debian' | 'alpine' | 'ubuntu';

/** One release line, as endoflife.date lists it (dates are `YYYY-MM-DD`). */
export interface Cycle {
  cycle: string;
  codename?: string;
  release: string;
  /** When the line became LTS; absent for lines that never do. */
  lts?: string;
  /** End of (regular) security support; null when not announced yet. */
  eol: string | null;
  /** Debian LTS, Ubuntu ESM: security fixes for a part of the packages after `eol`. */
  extended?: string;
}

export interface ProductCycles {
  name: string;
  source: string;
  /** Only LTS lines are chosen for new images. */
  lts: boolean;
  cycles: Cycle[];
}

export interface EolTable {
  source: string;
  /** The day the dates were taken from the source. */
  retrieved: string;
  products: Record<Product, ProductCycles>;
}

export const EOL_TABLE: EolTable = data as EolTable;

/** The day of a date in UTC, `YYYY-MM-DD`. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * "Today" when a caller gives none: the day the table was taken, so the pure core stays
 * deterministic. The shells pass the real date (or SOURCE_DATE_EPOCH).
 */
export function defaultToday(): string {
  return EOL_TABLE.retrieved;
}

/** `today` as a day: a Date, a `YYYY-MM-DD` string, or the table's own date. */
export function toDay(today: Date | string | undefined): string {
  if (today === undefined) return defaultToday();
  return typeof today === 'string' ? today.slice(0, 10) : dayOf(today);
}

function parts(version: string): number[] {
  return version.split('.').map((part) => Number(part));
}

/** Numeric order of dotted versions ("3.9" < "3.10"). */
export function compareCycles(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function productCycles(product: Product): ProductCycles {
  return EOL_TABLE.products[product];
}

/** The release line a version belongs to ("22.4.1" -> node 22, "3.12.1" -> python 3.12, "8" -> dotnet 8.0). */
export function cycleOf(product: Product, version: string): Cycle | null {
  const want = parts(version);
  if (want.some((n) => Number.isNaN(n))) return null;
  const byCodename = productCycles(product).cycles.find((c) => c.codename === version.toLowerCase());
  if (byCodename) return byCodename;
  return (
    productCycles(product).cycles.find((c) => {
      const have = parts(c.cycle);
      // A major-only version ("8") matches the line "8.0" of products whose lines have two numbers.
      return have.every((n, i) => (want[i] ?? (i === 0 ? NaN : 0)) === n);
    }) ?? null
  );
}

/** Released, and its security support has not ended on `today`. */
export function isSupported(cycle: Cycle, today: string): boolean {
  return cycle.release <= today && (cycle.eol === null || today < cycle.eol);
}

/** Supported and, for products that have them, an LTS line already promoted on `today`. */
export function isRecommended(product: Product, cycle: Cycle, today: string): boolean {
  if (!isSupported(cycle, today)) return false;
  return !productCycles(product).lts || (cycle.lts !== undefined && cycle.lts <= today);
}

/** Days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
