// End-of-life facts of runtimes and base-image operating systems: the table, and what follows from it.
export { EOL_TABLE, compareCycles, cycleOf, dayOf, defaultToday, isRecommended, isSupported, productCycles, toDay, type Cycle, type Product } from './table.js';
export { endOfLife, newestRecommended, replacementFor, type EndOfLife, type EolOptions } from './status.js';
export { chooseRuntimeVersion, type RuntimeChoice } from './choose.js';
export { rangeAllows, toSemverRange, type RangeDialect } from './ranges.js';
export { imageNames, splitImageRef, type ImageNames, type NamedVersion } from './image-ref.js';
