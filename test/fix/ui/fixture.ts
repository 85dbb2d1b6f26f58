import { fixableLintCodes, fixLintCodes, lintText } from '../../../src/fix/lint-bridge.js';
import { planFixes } from '../../../src/fix/planner.js';
import type { FixAction } from '../../../src/fix/types.js';

/** An insecure Dockerfile with several lint findings that have safe fixes. */
export const INSECURE = [
  'FROM debian:13.2-slim',
  'MAINTAINER someone@example.com',
  'RUN apt-get update && apt-get install curl',
  'ADD server.js /app/',
  'CMD node /app/server.js',
  '',
].join('\n');

/** The real plan for INSECURE, plus one unsafe (review) action, as the planner builds them. */
export function plannedActions(): { actions: FixAction[]; lintBefore: number } {
  const files = { Dockerfile: INSECURE };
  const lintFindings = lintText(INSECURE, 'Dockerfile');
  const actions = planFixes({ dockerfile: 'Dockerfile', files, lintFindings, fixableCodes: fixableLintCodes(), fixLint: fixLintCodes, lint: lintText, scanRecords: [], bases: [] });
  const review: FixAction = {
    id: 'deps:package.json',
    kind: 'dependency-bump',
    title: 'Bump 1 dependency in package.json (express -> 4.20.0)',
    why: 'the scan names a fixed version',
    safe: false,
    apply: (f) => ({ ...f, 'package.json': '{"dependencies":{"express":"^4.20.0"}}\n' }),
    diff: '--- a/package.json\n+++ b/package.json\n@@ -1 +1 @@\n-{"dependencies":{"express":"^4.16.0"}}\n+{"dependencies":{"express":"^4.20.0"}}\n',
    removes: ['scan:CVE-2024-43796:express', 'scan:CVE-2024-45590:body-parser'],
    effect: 'removes 2 scan findings once the lockfile is refreshed and the image rebuilt',
    followUp: 'run `npm install` to update package-lock.json',
  };
  return { actions: [...actions, review], lintBefore: lintFindings.length };
}
