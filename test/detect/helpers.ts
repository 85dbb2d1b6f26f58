import { detectRepo, snapshotFromFiles } from '../../src/detect/index.js';
import type { Detector } from '../../src/detect/stack.js';
import type { Detection } from '../../src/detect/types.js';
import { AppView, Session } from '../../src/detect/view.js';

/** Detection over in-memory files. */
export function detectFiles(files: Record<string, string>, app?: string): Detection {
  return detectRepo(snapshotFromFiles(files), app === undefined ? {} : { app });
}

/** One detector alone over in-memory files (null: it does not see its stack). */
export function runDetector(detector: Detector, files: Record<string, string>) {
  return detector.detect(new AppView(new Session(snapshotFromFiles(files)), ''));
}

export const json = (value: unknown) => JSON.stringify(value, null, 2);
