import { Findings, firstLineSource, miseSources, pinnedVersion, portInCommand, portInFiles, procfileWeb, toolVersionsSource, type Detector, type VersionSource } from './stack.js';
import type { PackageManager } from './types.js';
import { arr, obj, str, type AppView, type Obj } from './view.js';

const MANIFESTS = ['pyproject.toml', 'requirements.txt', 'Pipfile', 'Pipfile.lock', 'setup.py', 'setup.cfg', 'poetry.lock', 'uv.lock', 'pdm.lock', 'manage.py'];
const ENTRY_FILES = ['main.py', 'app.py', 'server.py', 'run.py', 'bot.py', 'wsgi.py', 'asgi.py', 'app/main.py', 'src/main.py', 'src/app.py'];
const FRAMEWORKS = ['django', 'fastapi', 'flask'];
const FRAMEWORK_PORTS: Record<string, number> = { django: 8000, fastapi: 8000, flask: 5000 };

const VERSION_SOURCES: VersionSource[] = [
  firstLineSource('.python-version'),
  firstLineSource('runtime.txt', /^python-/),
  toolVersionsSource(['python']),
  ...miseSources(['python']),
  {
    file: 'pyproject.toml',
    extract(view, path) {
      const doc = obj(view.session.parse(path, 'toml'));
      const requires = str(obj(doc?.project)?.['requires-python']);
      if (requires) return { raw: requires, field: 'requires-python' };
      const poetry = str(obj(obj(obj(doc?.tool)?.poetry)?.dependencies)?.python);
      return poetry ? { raw: poetry, field: 'tool.poetry.dependencies.python' } : null;
    },
  },
  {
    file: 'Pipfile',
    extract(view, path) {
      const requires = obj(obj(view.session.parse(path, 'toml'))?.requires);
      const raw = str(requires?.python_version) ?? str(requires?.python_full_version);
      return raw ? { raw, field: 'requires.python_version' } : null;
    },
  },
];

/** Lower-cased names of the declared dependencies, from whichever manifests exist. */
export function pythonDependencies(view: AppView): Set<string> {
  const names = new Set<string>();
  const add = (spec: string) => {
    const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1];
    if (name) names.add(name.toLowerCase().replace(/_/g, '-'));
  };
  for (const file of view.list().filter((f) => /^requirements.*\.(txt|in)$/.test(f))) {
    for (const line of (view.read(file) ?? '').split('\n')) if (!/^\s*(#|-)/.test(line)) add(line);
  }
  const pyproject = view.toml('pyproject.toml');
  for (const dep of arr(obj(pyproject?.project)?.dependencies)) if (typeof dep === 'string') add(dep);
  const poetry = obj(obj(pyproject?.tool)?.poetry);
  for (const name of Object.keys(obj(poetry?.dependencies) ?? {})) add(name);
  for (const group of Object.values(obj(poetry?.group) ?? {})) for (const name of Object.keys(obj(obj(group)?.dependencies) ?? {})) add(name);
  const pipfile = view.toml('Pipfile');
  for (const name of Object.keys(obj(pipfile?.packages) ?? {})) add(name);
  const setup = view.read('setup.py', 64 * 1024);
  if (setup) for (const match of setup.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[<>=~!][^"']*)?["']/g)) if (FRAMEWORKS.includes(match[1].toLowerCase()) || ['gunicorn', 'uvicorn'].includes(match[1].toLowerCase())) add(match[1]);
  return names;
}

function packageManager(view: AppView, pyproject: Obj | undefined, found: Findings): { pm: PackageManager; install: string | null } {
  const tool = obj(pyproject?.tool);
  const lock = (file: string) => view.findUp(file);
  if (lock('uv.lock')) {
    found.note(lock('uv.lock')!, 'lockfile of uv');
    return { pm: 'uv', install: 'uv sync --locked --no-dev' };
  }
  if (lock('poetry.lock') || tool?.poetry) {
    found.note(lock('poetry.lock') ?? view.path('pyproject.toml'), lock('poetry.lock') ? 'lockfile of poetry' : '[tool.poetry]');
    return { pm: 'poetry', install: 'poetry install --only main --no-root' };
  }
  if (lock('pdm.lock') || tool?.pdm) {
    found.note(lock('pdm.lock') ?? view.path('pyproject.toml'), lock('pdm.lock') ? 'lockfile of pdm' : '[tool.pdm]');
    return { pm: 'pdm', install: lock('pdm.lock') ? 'pdm install --prod --frozen-lockfile' : 'pdm install --prod' };
  }
  if (view.has('Pipfile') || view.has('Pipfile.lock')) {
    found.note(view.path(view.has('Pipfile') ? 'Pipfile' : 'Pipfile.lock'), 'pipenv');
    return { pm: 'pipenv', install: view.has('Pipfile.lock') ? 'pipenv install --deploy' : 'pipenv install' };
  }
  if (tool?.uv) {
    found.note(view.path('pyproject.toml'), '[tool.uv]');
    return { pm: 'uv', install: 'uv sync --no-dev' };
  }
  const requirements = view.has('requirements.txt') ? 'requirements.txt' : view.list().find((f) => /^requirements.*\.txt$/.test(f) && !/dev|test/.test(f));
  if (requirements) {
    found.note(view.path(requirements), 'requirements file: pip');
    return { pm: 'pip', install: `pip install --no-cache-dir -r ${requirements}` };
  }
  if (pyproject || view.has('setup.py') || view.has('setup.cfg')) {
    found.note(view.path(pyproject ? 'pyproject.toml' : view.has('setup.py') ? 'setup.py' : 'setup.cfg'), 'installable package: pip');
    return { pm: 'pip', install: 'pip install --no-cache-dir .' };
  }
  return { pm: 'none', install: null };
}

/** `name = FastAPI(` / `Flask(__name__)` in one of the entry files: the ASGI/WSGI target `module:var`. */
function appTarget(view: AppView, constructor: string): { file: string; target: string } | null {
  const candidates = [...ENTRY_FILES, ...view.list().filter((f) => f.endsWith('.py'))];
  for (const file of [...new Set(candidates)]) {
    const text = view.read(file, 64 * 1024);
    const match = text ? new RegExp(`^(\\w+)\\s*(?::[^=]+)?=\\s*${constructor}\\(`, 'm').exec(text) : null;
    if (match) return { file, target: `${file.replace(/\.py$/, '').replace(/\//g, '.')}:${match[1]}` };
  }
  return null;
}

export const pythonDetector: Detector = {
  id: 'python',
  detect(view) {
    const manifests = MANIFESTS.filter((file) => view.has(file));
    const rootPy = view.list().filter((f) => f.endsWith('.py'));
    if (manifests.length === 0 && rootPy.length === 0) return null;
    const found = new Findings();
    const primary = manifests.find((file) => !file.endsWith('.lock'));
    if (primary) found.note(view.path(primary), 'Python project');
    if (manifests.length === 0) found.note(view.path(rootPy[0]), 'Python source at the top level');
    const pyproject = view.toml('pyproject.toml');
    const { pm, install } = packageManager(view, pyproject, found);
    const version = pinnedVersion(view, found, VERSION_SOURCES, undefined, { product: 'python', stack: 'python' });
    const deps = pythonDependencies(view);
    let framework = FRAMEWORKS.find((name) => deps.has(name)) ?? null;
    if (!framework && view.has('manage.py')) framework = 'django';
    if (framework) found.note(view.path(deps.has(framework) ? manifests.find((m) => !m.endsWith('.lock')) ?? 'manage.py' : 'manage.py'), `${framework} app`);
    const gunicorn = deps.has('gunicorn');

    let start: string | null = procfileWeb(view, found);
    let build: string | null = null;
    let port: number | null = start ? portInCommand(start) : null;
    if (port) found.note(view.path('Procfile'), `port ${port} in the web command`);
    if (framework === 'django') {
      const wsgi = view.files(2).find((f) => /(^|\/)wsgi\.py$/.test(f) && f.includes('/'));
      build = 'python manage.py collectstatic --noinput';
      if (!start) {
        const module = wsgi ? wsgi.replace(/\.py$/, '').replace(/\//g, '.') : null;
        start = module && gunicorn ? `gunicorn ${module}:application --bind 0.0.0.0:8000` : 'python manage.py runserver 0.0.0.0:8000';
        found.note(view.path(wsgi ?? 'manage.py'), `django: \`${start}\``);
      }
    } else if (framework === 'fastapi' && !start) {
      const app = appTarget(view, 'FastAPI');
      if (app) {
        start = `uvicorn ${app.target} --host 0.0.0.0 --port 8000`;
        found.note(view.path(app.file), `FastAPI app ${app.target}`);
      }
    } else if (framework === 'flask' && !start) {
      const app = appTarget(view, 'Flask');
      if (app) {
        start = gunicorn ? `gunicorn --bind 0.0.0.0:8000 ${app.target}` : `python ${app.file}`;
        if (gunicorn) port = 8000;
        found.note(view.path(app.file), `Flask app ${app.target}`);
      }
    }
    if (!start) {
      const scripts = obj(obj(pyproject?.project)?.scripts) ?? obj(obj(obj(pyproject?.tool)?.poetry)?.scripts);
      const script = scripts ? Object.keys(scripts)[0] : undefined;
      const mainPackage = view.files(1).find((f) => /^[\w-]+\/__main__\.py$/.test(f));
      const entry = ENTRY_FILES.find((file) => view.has(file)) ?? (rootPy.length === 1 ? rootPy[0] : undefined);
      if (entry) {
        start = `python ${entry}`;
        found.note(view.path(entry), `entry file ${entry}`);
      } else if (script) {
        start = script;
        found.note(view.path('pyproject.toml'), `project.scripts.${script}`);
      } else if (mainPackage) {
        start = `python -m ${mainPackage.split('/')[0]}`;
        found.note(view.path(mainPackage), 'runnable package');
      }
    }
    if (port === null && start) port = portInCommand(start);
    if (port === null) port = portInFiles(view, found, [...ENTRY_FILES, ...rootPy]);
    if (port === null && framework) {
      port = FRAMEWORK_PORTS[framework];
      found.note(view.path(manifests[0] ?? rootPy[0]), `${framework} listens on ${port} by default`);
    }
    const strong = manifests.some((m) => m !== 'setup.cfg');
    return {
      language: 'python',
      confidence: strong ? (framework || start ? 0.85 : 0.75) : 0.5,
      facts: { packageManager: pm, version, framework, build, start, install, port },
      evidence: found.evidence,
    };
  },
};
