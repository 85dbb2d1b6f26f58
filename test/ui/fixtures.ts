import type { Detection } from '../../src/detect/types.js';
import type { InitActions, Prepared, QuestionDefaults } from '../../src/ui/actions.js';
import type { Answers } from '../../src/questions/answers.js';
import type { ResolveInput } from '../../src/questions/resolve.js';
import { planWrites, type PlannedWrite } from '../../src/write/plan.js';
import type { WriteStatus } from '../../src/write/apply.js';

export const now = new Date('2025-03-15T10:20:30Z');

export const nodeDetection: Detection = {
  language: 'node',
  packageManager: 'npm',
  version: '20',
  framework: 'express',
  build: null,
  start: 'node src/server.js',
  install: 'npm ci',
  port: 3000,
  healthcheck: null,
  workspace: false,
  apps: [],
  evidence: [
    { file: 'package.json', fact: 'engines.node >=20' },
    { file: 'package-lock.json', fact: 'npm lock file' },
  ],
  warnings: ['both package-lock.json and yarn.lock exist; using npm'],
};

export const defaults: QuestionDefaults = { metadata: { title: 'shop', author: 'sec@shop.example' }, gitEmail: null, suggestedSecrets: [] };

export const baseInput = (over: Partial<ResolveInput> = {}): ResolveInput => ({ flags: {}, detection: null, now, ...over });

/** Actions over memory: a fake disk the wizard plans against and writes to. */
export function memoryActions(disk: Map<string, string> = new Map(), over: Partial<InitActions> = {}) {
  const calls = { prepare: [] as Answers[], write: 0 };
  let releaseDetect: () => void = () => {};
  const detectGate = new Promise<void>((resolve) => (releaseDetect = resolve));
  const actions: InitActions = {
    detect: async () => nodeDetection,
    defaults: async () => defaults,
    async prepare(answers): Promise<Prepared> {
      calls.prepare.push(answers);
      const files = [
        { path: 'Dockerfile', content: `FROM node:${answers.runtimeVersion}\nUSER ${answers.uid}:${answers.uid}\n` },
        { path: '.dockerignore', content: '.git\n.env*\n' },
        { path: '.well-known/security.txt', content: `Contact: ${answers.security.contact}\n` },
      ];
      return { plan: planWrites(files, new Map([...disk])), notes: [], baseImages: [{ stage: 'final', ref: 'gcr.io/distroless/nodejs20-debian12:nonroot', reason: 'no shell' }] };
    },
    async write(plan: PlannedWrite[], { skip, onStatus }) {
      calls.write++;
      const statuses: WriteStatus[] = [];
      for (const entry of plan) {
        let status: WriteStatus;
        if (entry.action === 'identical') status = { verb: 'identical', path: entry.path };
        else if (entry.action === 'conflict' && skip.has(entry.path)) status = { verb: 'skip', path: entry.path };
        else {
          disk.set(entry.path, entry.content);
          status = { verb: entry.action === 'create' ? 'create' : 'write', path: entry.path };
        }
        statuses.push(status);
        onStatus?.(status);
      }
      return statuses;
    },
    ...over,
  };
  return { actions, calls, disk, releaseDetect, detectGate };
}
