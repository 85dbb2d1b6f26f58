import { tableVersions } from '../base.js';
import { existing, noProbeReason, probeUrl, requireImage, scriptFile, splitCommand } from './common.js';
import type { StackInput, StackPlan } from './types.js';

/** Console scripts that are also runnable as `python -m <module>` (their shebang would point at the build image). */
const MODULES: Record<string, string> = {
  gunicorn: 'gunicorn',
  uvicorn: 'uvicorn',
  hypercorn: 'hypercorn',
  daphne: 'daphne',
  flask: 'flask',
  'waitress-serve': 'waitress',
  fastapi: 'fastapi',
  granian: 'granian',
};

interface Export {
  manifests: string[];
  /** Tool installed first (pinned) and the command that writes /tmp/requirements.txt from the lock file. */
  tool: string | null;
  export: string | null;
  requirements: string | null;
}

function exportSteps(input: StackInput): Export {
  switch (input.answers.packageManager) {
    case 'poetry':
      return {
        manifests: existing(input, ['pyproject.toml', 'poetry.lock']),
        tool: 'poetry==2.2.1 poetry-plugin-export==1.9.0',
        export: 'poetry export --only main --without-hashes --format requirements.txt --output /tmp/requirements.txt',
        requirements: '/tmp/requirements.txt',
      };
    case 'pipenv':
      return {
        manifests: existing(input, ['Pipfile', 'Pipfile.lock']),
        tool: 'pipenv==2025.0.4',
        export: 'pipenv requirements > /tmp/requirements.txt',
        requirements: '/tmp/requirements.txt',
      };
    case 'uv':
      return {
        manifests: existing(input, ['pyproject.toml', 'uv.lock']),
        tool: 'uv==0.9.9',
        export: 'uv export --frozen --no-dev --no-emit-project --no-hashes --output-file /tmp/requirements.txt',
        requirements: '/tmp/requirements.txt',
      };
    case 'pdm':
      return {
        manifests: existing(input, ['pyproject.toml', 'pdm.lock']),
        tool: 'pdm==2.26.1',
        export: 'pdm export --prod --without-hashes --output /tmp/requirements.txt',
        requirements: '/tmp/requirements.txt',
      };
    default: {
      const requirements = input.files.has('requirements.txt') ? 'requirements.txt' : null;
      return { manifests: requirements ? [requirements] : [], tool: null, export: null, requirements };
    }
  }
}

export function planPython(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  const version = answers.runtimeVersion.split('.').slice(0, 2).join('.');
  let flavor: string = input.base;
  let reason: string;
  if (flavor === 'scratch') {
    notes.push('scratch has no python runtime: using distroless instead');
    flavor = 'distroless';
  }
  // Distroless python3 is the Debian release's own python3: one version per base.
  const distrolessVersions = tableVersions('python', 'final', 'distroless');
  if (flavor === 'distroless' && !distrolessVersions.includes(version)) {
    flavor = 'slim';
    reason = `python slim: distroless python3 ships Python ${distrolessVersions.join(', ')} only and this app runs on ${version}; slim is the smallest official image with it`;
    notes.push(reason);
  } else if (flavor === 'distroless') {
    reason = 'distroless python3: only the interpreter and its libraries (no shell, no pip), so a break-in has no tools to work with';
  } else if (flavor === 'alpine') {
    reason = 'python alpine: small musl-based image, chosen by --base alpine (wheels must be musl builds)';
  } else {
    reason = 'python slim (Debian): the smallest official glibc image with this Python version';
  }
  const finalImage = requireImage('python', 'final', flavor, version, notes, input.today);
  // Compiled wheels must match the final image's Python and C library.
  const buildImage = flavor === 'alpine' ? finalImage : requireImage('python', 'build', 'slim', version, notes, input.today);
  const steps = exportSteps(input);
  const python = flavor === 'distroless' ? '/usr/bin/python3' : 'python';
  const { env: startEnv, words } = splitCommand(answers.startCommand, 'startCommand');
  let args: string[];
  if (/^python(3(\.\d+)?)?$/.test(words[0])) args = words.slice(1);
  else if (MODULES[words[0]]) args = ['-m', MODULES[words[0]], ...words.slice(1)];
  else args = ['-m', ...words];
  const url = probeUrl(input);
  const probe = url ? [python, '-c', `import urllib.request; urllib.request.urlopen('${url}', timeout=3)`] : null;
  const hasDeps = steps.requirements !== null;
  const env: Array<[string, string]> = [
    ['PYTHONDONTWRITEBYTECODE', '1'],
    ['PYTHONUNBUFFERED', '1'],
  ];
  if (hasDeps) env.push(['PYTHONPATH', '/opt/deps']);
  env.push(...startEnv);
  if (!hasDeps && steps.manifests.length === 0 && answers.packageManager === 'pip') notes.push('no requirements.txt: the image gets the standard library only');
  return {
    template: 'python',
    stages: [
      { name: 'build', image: buildImage, reason: 'python with pip: dependencies are installed here into /opt/deps' },
      { name: 'final', image: finalImage, reason },
    ],
    finalFlavor: flavor,
    finalHasShell: flavor !== 'distroless',
    slots: {
      manifests: steps.manifests,
      tool: steps.tool,
      export: steps.export,
      requirements: steps.requirements,
      hasDeps,
      // Which variables the lock-file tool's install step sets to trust a CA bundle (see ../ca.ts).
      toolTrust: steps.tool ? answers.packageManager : 'pip',
      django: answers.framework === 'django',
    },
    copySources: steps.manifests,
    requiredFiles: scriptFile(args),
    ignore: ['**/__pycache__', '**/*.py[cod]', '.venv', 'venv', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', 'build', 'dist', '*.egg-info'],
    entrypoint: [python],
    cmd: args,
    probe,
    noProbeReason: noProbeReason(input, ''),
    runtimeWritable: [],
    env,
    notes,
  };
}
