import type { ReportLayer, ScanRecord } from './record.js';

/** What is known of the scanned image and its base: layer diff ids, bottom first. */
export interface LayerFacts {
  /** The scanned image's diff ids (from the engine, or from the report). */
  image: string[];
  /** The base image's diff ids. */
  base: string[];
  /** The report's own layer list, to map compressed digests to diff ids. */
  report: ReportLayer[];
}

/**
 * The ids (diff ids and compressed digests) of the layers the image shares with its base. The
 * image's layers must start with the base's: when they do not (a different base, a squashed image),
 * nothing counts as base.
 */
export function baseLayerIds(facts: LayerFacts): Set<string> {
  const ids = new Set<string>();
  const shared = facts.base.length > 0 && facts.base.every((id, i) => facts.image.length === 0 || facts.image[i] === id);
  if (!shared) return ids;
  for (const id of facts.base) ids.add(id);
  for (const layer of facts.report) {
    if (layer.diffId && ids.has(layer.diffId) && layer.digest) ids.add(layer.digest);
  }
  return ids;
}

/**
 * Sets each record's `source` from its layer: `base` when the package sits in a layer of the base
 * image, `app` otherwise. Records without layer info keep the scanner's OS-vs-language guess.
 */
export function refineSources(records: ScanRecord[], baseIds: ReadonlySet<string>): ScanRecord[] {
  if (baseIds.size === 0) return records;
  return records.map((record) => {
    if (record.layers.length === 0) return record;
    const source = record.layers.some((id) => baseIds.has(id)) ? 'base' : 'app';
    return source === record.finding.source ? record : { ...record, finding: { ...record.finding, source } };
  });
}

/** `--exclude-base`: drops what the base image brought. */
export function excludeBase(records: ScanRecord[]): ScanRecord[] {
  return records.filter((record) => record.finding.source !== 'base');
}
