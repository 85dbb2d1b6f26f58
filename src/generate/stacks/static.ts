import { existing, noProbeReason, probeUrl, requireImage } from './common.js';
import type { StackInput, StackPlan } from './types.js';

/** Build output folders of static-site builders, by framework. */
const OUTPUT: Record<string, string> = { vite: 'dist', astro: 'dist', 'vite-static': 'dist', gatsby: 'public', hugo: 'public', eleventy: '_site', docusaurus: 'build', 'create-react-app': 'build' };

/**
 * Static sites, built or not: an unprivileged nginx serves them on 8080. A node build stage runs
 * the build command when there is one (Vite and friends).
 */
export function planStatic(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  let flavor: string = input.base;
  if (flavor === 'distroless' || flavor === 'scratch') {
    notes.push(`no ${flavor} web server image: serving with nginx-unprivileged on alpine`);
    flavor = 'alpine';
  }
  const finalImage = requireImage('static', 'final', flavor, null, notes, input.today);
  const hasBuild = answers.buildCommand !== null && input.files.has('package.json');
  const stages = [];
  if (hasBuild) {
    stages.push({
      name: 'build',
      image: requireImage('node', 'build', 'slim', answers.language === 'node' ? answers.runtimeVersion : '22', notes, input.today),
      reason: 'node with npm: the site is built here; node never reaches the final image',
    });
  } else {
    stages.push({ name: 'build', image: requireImage('any', 'final', 'alpine', null, notes, input.today), reason: 'gathers the site files and the empty writable directories' });
  }
  stages.push({
    name: 'final',
    image: finalImage,
    reason: 'nginx-unprivileged: the web server runs as a non-root user on port 8080 and writes only to /tmp',
  });
  const lock = existing(input, ['package-lock.json', 'npm-shrinkwrap.json']);
  const output = OUTPUT[answers.framework ?? ''] ?? 'dist';
  const url = probeUrl({ ...input, answers: { ...answers, port: 8080 } });
  if (answers.port !== null && answers.port !== 8080) notes.push(`nginx-unprivileged listens on 8080, not ${answers.port}`);
  return {
    template: 'static',
    stages,
    finalFlavor: flavor,
    finalHasShell: true,
    slots: {
      build: hasBuild ? answers.buildCommand : null,
      manifests: existing(input, ['package.json']).concat(lock),
      install: lock.length ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund',
      output: hasBuild ? `/app/${output}` : '/app',
    },
    copySources: hasBuild ? existing(input, ['package.json']).concat(lock) : [],
    requiredFiles: !hasBuild && input.files.has('index.html') ? ['index.html'] : [],
    ignore: ['**/node_modules', '.cache', ...(hasBuild ? [output] : [])],
    entrypoint: null,
    cmd: ['nginx', '-g', 'daemon off;'],
    probe: answers.healthcheck === 'none' ? null : url ? ['wget', '-q', '-O', '/dev/null', url] : null,
    noProbeReason: noProbeReason({ ...input, answers: { ...answers, port: 8080 } }, ''),
    runtimeWritable: [],
    port: 8080,
    env: [],
    notes,
  };
}
