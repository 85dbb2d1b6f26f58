import { finalStage, readStages, type DockerInstruction } from './dockerfile-stages.js';
import type { ReportLayer, ScanRecord } from './record.js';
import { foldSpaces } from '../text.js';

/** One entry of an image's history (`docker history`, or the report's image config). */
export interface HistoryEntry {
  createdBy: string;
  emptyLayer: boolean;
}

/** Where a finding comes from in the Dockerfile (`--file`). */
export interface FindingLocation {
  file: string;
  line: number;
  /** Stage name, or its index when unnamed. */
  stage: string;
  /** The instruction at `line` (FROM for base findings). */
  instruction: string;
}

function matchInstruction(createdBy: string, instructions: DockerInstruction[]): DockerInstruction | undefined {
  const made = foldSpaces(createdBy.replace(/\s*# buildkit\s*$/, ''));
  return instructions.find((ins) => {
    if (!['RUN', 'COPY', 'ADD'].includes(ins.keyword)) return false;
    const args = foldSpaces(ins.args.replace(/^(--[a-z-]+(=\S+)?\s+)+/, ''));
    return args.length > 0 && made.includes(args);
  });
}

/**
 * Maps each finding to the final stage of `dockerfile`: base-image findings to its FROM line;
 * findings in the image's own layers to the RUN/COPY/ADD that made the layer, found through the
 * image history when it is known, else to the FROM line as well.
 */
export function locateFindings(
  records: ScanRecord[],
  dockerfile: { file: string; text: string },
  image: { diffIds: string[]; history: HistoryEntry[]; reportLayers: ReportLayer[] },
): Map<ScanRecord, FindingLocation> {
  const located = new Map<ScanRecord, FindingLocation>();
  const stage = finalStage(readStages(dockerfile.text));
  if (!stage) return located;
  const stageLabel = stage.name ?? String(stage.index);
  const layerMade = new Map<string, string>();
  const made = image.history.filter((h) => !h.emptyLayer);
  image.diffIds.forEach((id, i) => {
    if (made[i]) layerMade.set(id, made[i].createdBy);
  });
  for (const layer of image.reportLayers) {
    if (layer.digest && layer.diffId && layerMade.has(layer.diffId)) layerMade.set(layer.digest, layerMade.get(layer.diffId) as string);
  }
  for (const record of records) {
    let instruction: DockerInstruction | undefined;
    if (record.finding.source === 'app') {
      for (const id of record.layers) {
        const createdBy = layerMade.get(id);
        instruction = createdBy ? matchInstruction(createdBy, stage.instructions) : undefined;
        if (instruction) break;
      }
    }
    located.set(record, {
      file: dockerfile.file,
      line: instruction?.line ?? stage.line,
      stage: stageLabel,
      instruction: instruction ? `${instruction.keyword} ${instruction.args}` : `FROM ${stage.image}`,
    });
  }
  return located;
}
