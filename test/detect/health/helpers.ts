import type { Detection, Evidence } from '../../../src/detect/types.js';
import { detectFiles, json } from '../helpers.js';

export { json };

/** Detection of a Node app (express) with these extra files. */
export function node(files: Record<string, string>, deps: Record<string, string> = { express: '^4.21.0' }, start = 'node server.js'): Detection {
  return detectFiles({ 'package.json': json({ name: 'api', scripts: { start }, dependencies: deps }), ...files });
}

export function python(files: Record<string, string>, deps = 'flask\n'): Detection {
  return detectFiles({ 'requirements.txt': deps, ...files });
}

export function go(files: Record<string, string>, requires = ''): Detection {
  return detectFiles({ 'go.mod': `module example.com/api\n\ngo 1.22\n${requires}`, ...files });
}

/** The health route's evidence line, as the detect screen prints it. */
export function healthLine(detection: Pick<Detection, 'evidence'>): string | null {
  const found = detection.evidence.find((e: Evidence) => e.line !== undefined);
  return found ? `${found.file}:${found.line}: ${found.fact}` : null;
}
