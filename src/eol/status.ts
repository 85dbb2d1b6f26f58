import { compareCycles, cycleOf, daysBetween, isRecommended, isSupported, productCycles, toDay, type Cycle, type Product } from './table.js';

/** A replacement should stay supported for at least this long, or the next line is offered. */
const MIN_DAYS_LEFT = 180;

export interface EolOptions {
  /** The day to judge by; default: the day the table was taken (tests and the pure core), the shells pass the real one. */
  today?: Date | string;
  /** Versions this tool has a base image for ("22", "3.12"); default: every line of the table. */
  available?: readonly string[];
}

export function hasImage(cycle: Cycle, available: readonly string[] | undefined): boolean {
  return available === undefined || available.some((version) => compareCycles(version, cycle.cycle) === 0);
}

/** The newest line to build new images on: supported (LTS where the product has them) with a base image. */
export function newestRecommended(product: Product, options: EolOptions = {}): Cycle | null {
  const today = toDay(options.today);
  const lines = productCycles(product).cycles.filter((c) => isRecommended(product, c, today) && hasImage(c, options.available));
  return lines.sort((a, b) => compareCycles(b.cycle, a.cycle))[0] ?? null;
}

/**
 * The supported line to move an ended one to: the nearest newer recommended line with a base image
 * that stays supported for at least six more months, else the newest one there is.
 */
export function replacementFor(product: Product, cycle: Cycle, options: EolOptions = {}): Cycle | null {
  const today = toDay(options.today);
  const newer = productCycles(product)
    .cycles.filter((c) => compareCycles(c.cycle, cycle.cycle) > 0 && isRecommended(product, c, today) && hasImage(c, options.available))
    .sort((a, b) => compareCycles(a.cycle, b.cycle));
  return newer.find((c) => c.eol === null || daysBetween(today, c.eol) >= MIN_DAYS_LEFT) ?? newer[newer.length - 1] ?? null;
}

export interface EndOfLife {
  product: Product;
  /** The product's display name ("Node.js"). */
  name: string;
  cycle: Cycle;
  /** The day security support ended. */
  eol: string;
  replacement: Cycle | null;
  /** One sentence: what ended when, and what to move to. */
  message: string;
}

function until(cycle: Cycle): string {
  return cycle.eol ? `is supported until ${cycle.eol}` : 'is supported';
}

/** Whether `version` of `product` has reached its end of life on `today`, with the date and the line to move to. */
export function endOfLife(product: Product, version: string, options: EolOptions = {}): EndOfLife | null {
  const today = toDay(options.today);
  const cycle = cycleOf(product, version);
  if (!cycle || cycle.eol === null || isSupported(cycle, today) || cycle.release > today) return null;
  const { name } = productCycles(product);
  const replacement = replacementFor(product, cycle, options);
  const ended = !cycle.extended
    ? `${name} ${cycle.cycle} reached end of life on ${cycle.eol}`
    : today < cycle.extended
      ? `${name} ${cycle.cycle} left regular security support on ${cycle.eol} (LTS fixes only some packages, until ${cycle.extended})`
      : `${name} ${cycle.cycle} reached end of life on ${cycle.extended} (regular security support ended ${cycle.eol})`;
  const next = replacement ? `; ${replacement.cycle}${replacement.codename ? ` (${replacement.codename})` : ''} ${until(replacement)}` : '; no supported line has a base image here yet';
  return { product, name, cycle, eol: cycle.eol, replacement, message: `${ended}${next}` };
}
