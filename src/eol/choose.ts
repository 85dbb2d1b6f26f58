import { normaliseVersion } from '../detect/versions.js';
import { rangeAllows, type RangeDialect } from './ranges.js';
import { endOfLife, hasImage, type EndOfLife, type EolOptions } from './status.js';
import { compareCycles, isRecommended, productCycles, toDay, type Product } from './table.js';

export interface RuntimeChoice {
  /** The version the image should use; null when the text pins nothing usable. */
  version: string | null;
  /** How the text became the version, for the evidence. */
  note: string;
  /** The chosen version's line has ended: the sentence to warn with. */
  endOfLife: EndOfLife | null;
}

export interface ChooseOptions extends EolOptions {
  /** How `~` reads in this manifest. */
  dialect?: RangeDialect;
}

/**
 * The runtime version for a pin or range as a manifest writes it. An exact pin is kept as pinned
 * (with the end-of-life facts when its line has ended); a range becomes the newest recommended
 * line it allows that has a base image, or, when it allows none, its lowest version.
 */
export function chooseRuntimeVersion(product: Product, raw: string, options: ChooseOptions = {}): RuntimeChoice {
  const normalised = normaliseVersion(raw);
  if (normalised.version === null) return { version: null, note: normalised.note, endOfLife: null };
  if (normalised.kind === 'range') {
    const today = toDay(options.today);
    const lts = productCycles(product).lts;
    const best = productCycles(product)
      .cycles.filter((c) => isRecommended(product, c, today) && hasImage(c, options.available) && rangeAllows(raw, c.cycle, options.dialect))
      .sort((a, b) => compareCycles(b.cycle, a.cycle))[0];
    if (best) {
      return { version: best.cycle, note: `${raw.trim()} -> ${best.cycle} (newest supported ${lts ? 'LTS ' : ''}line the range allows)`, endOfLife: null };
    }
  }
  return { version: normalised.version, note: normalised.note, endOfLife: endOfLife(product, normalised.version, options) };
}
