import { detectRepo, snapshotFromFiles } from '../../src/detect/index.js';
import type { Detector } from '../../src/detect/stack.js';
import type { Detection } from '../../src/detect/types.js';
import { AppView, Session } from '../../src/detect/view.js';

/** The day detection tests resolve version ranges on (never the real date). */
export const TODAY = new Date('2026-12-04T00:00:00Z');

/** Detection over in-memory files, on TODAY unless another day is given. */
export function detectFiles(files: Record<string, string>, app?: string, today: Date = TODAY): Detection {
  return detectRepo(snapshotFromFiles(files), { ...(app === undefined ? {} : { app }), today });
}

/** One detector alone over in-memory files (null: it does not see its stack). */
export function runDetector(detector: Detector, files: Record<string, string>) {
  return detector.detect(new AppView(new Session(snapshotFromFiles(files), '2026-12-04'), ''));
}

export const json = (value: unknown) => JSON.stringify(value, null, 2);
