import { Findings, miseSources, pinnedVersion, portInFiles, procfileWeb, toolVersionsSource, type Detector, type VersionSource } from './stack.js';
import type { AppView } from './view.js';

const FRAMEWORKS: Array<[string, string]> = [
  ['gin', 'github.com/gin-gonic/gin'],
  ['echo', 'github.com/labstack/echo'],
  ['fiber', 'github.com/gofiber/fiber'],
  ['chi', 'github.com/go-chi/chi'],
  ['gorilla', 'github.com/gorilla/mux'],
];

function goDirective(file: 'go.mod' | 'go.work'): VersionSource {
  return {
    file,
    extract(view, path) {
      const text = view.session.snapshot.read(path, 64 * 1024) ?? '';
      const toolchain = /^toolchain\s+go(\d[\w.]*)/m.exec(text);
      if (toolchain) return { raw: toolchain[1], field: 'toolchain go' };
      // Since Go 1.21 the go line is the minimum version the module needs: any newer toolchain builds it.
      const go = /^go\s+(\d[\w.]*)/m.exec(text);
      return go ? { raw: `>=${go[1]}`, field: 'go' } : null;
    },
  };
}

/** Packages with `package main`, as `./cmd/server` style paths, main at the top first. */
export function goMainPackages(view: AppView): string[] {
  const dirs = new Set<string>();
  // All non-test files of a directory share one package clause: one read per directory.
  const checked = new Set<string>();
  for (const file of view.files(3)) {
    if (!file.endsWith('.go') || file.endsWith('_test.go')) continue;
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    if (checked.has(dir)) continue;
    const text = view.read(file, 8192);
    if (!text || !/^package\s+\w+/m.test(text)) continue;
    checked.add(dir);
    if (/^package\s+main\b/m.test(text)) dirs.add(dir);
  }
  return [...dirs].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))).map((dir) => (dir ? `./${dir}` : '.'));
}

export const goDetector: Detector = {
  id: 'go',
  detect(view) {
    const manifest = view.has('go.mod') ? 'go.mod' : view.has('go.work') ? 'go.work' : null;
    const goFiles = manifest ? [] : view.list().filter((f) => f.endsWith('.go'));
    if (!manifest && goFiles.length === 0) return null;
    const found = new Findings();
    found.note(view.path(manifest ?? goFiles[0]), manifest ? 'Go module' : 'Go source without go.mod');
    const version = pinnedVersion(view, found, [goDirective('go.mod'), goDirective('go.work'), toolVersionsSource(['golang', 'go']), ...miseSources(['go', 'golang'])], undefined, { product: 'go', stack: 'go' });
    const mod = view.read('go.mod', 64 * 1024) ?? '';
    const fw = FRAMEWORKS.find(([, module]) => mod.includes(module));
    if (fw) found.note(view.path('go.mod'), `requires ${fw[1]}: ${fw[0]}`);
    const mains = goMainPackages(view);
    let target: string | null = mains[0] ?? null;
    const name = (/^module\s+(\S+)/m.exec(mod)?.[1] ?? '').split('/').pop();
    if (mains.length > 1) {
      target = mains.find((m) => m.endsWith(`/${name}`) || m.endsWith('/server') || m.endsWith('/api')) ?? mains[0];
      view.warn(`${view.path('go.mod')}: ${mains.length} main packages (${mains.join(', ')}); using ${target}, set --build-command to pick another`);
    }
    if (target) found.note(view.path(target === '.' ? 'go.mod' : `${target.slice(2)}`), `main package ${target}`);
    const build = target ? `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o app ${target}` : null;
    const procfile = procfileWeb(view, found);
    const start = procfile ?? (target ? './app' : null);
    const sources = mains.flatMap((m) => view.list(m === '.' ? '' : m.slice(2)).filter((f) => f.endsWith('.go')).map((f) => (m === '.' ? f : `${m.slice(2)}/${f}`)));
    let port = portInFiles(view, found, sources);
    if (port === null && fw?.[0] === 'gin' && target) {
      port = 8080;
      found.note(view.path('go.mod'), 'gin listens on 8080 by default');
    }
    return {
      language: 'go',
      confidence: manifest ? 0.9 : 0.5,
      facts: { packageManager: 'go', version, framework: fw?.[0] ?? null, build, start, install: manifest === 'go.mod' ? 'go mod download' : null, port },
      evidence: found.evidence,
    };
  },
};
