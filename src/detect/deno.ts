import { Findings, firstLineSource, miseSources, pinnedVersion, portInFiles, procfileWeb, toolVersionsSource, type Detector } from './stack.js';
import { obj, type AppView } from './view.js';

const CONFIGS = ['deno.json', 'deno.jsonc'];
const ENTRY_FILES = ['main.ts', 'main.tsx', 'mod.ts', 'server.ts', 'index.ts', 'main.js', 'src/main.ts'];

export const denoDetector: Detector = {
  id: 'deno',
  detect(view) {
    const config = CONFIGS.find((file) => view.has(file)) ?? null;
    const lock = view.has('deno.lock');
    const remoteImports = !config && !lock && !view.has('package.json') ? denoSource(view) : null;
    if (!config && !lock && !remoteImports) return null;
    const found = new Findings();
    if (remoteImports) found.note(view.path(remoteImports), 'imports from deno.land: Deno source');
    else found.note(view.path(config ?? 'deno.lock'), 'Deno project');
    const doc = config ? view.jsonc(config) : undefined;
    const tasks = obj(doc?.tasks) ?? {};
    const imports = { ...obj(doc?.imports), ...obj(view.jsonc('import_map.json')?.imports) };
    const importText = JSON.stringify(imports);
    const framework = /\$fresh|fresh@|@fresh\//.test(importText) ? 'fresh' : /hono/.test(importText) ? 'hono' : /oak/.test(importText) ? 'oak' : null;
    if (framework) found.note(view.path(config ?? 'deno.lock'), `imports ${framework}`);
    const version = pinnedVersion(view, found, [firstLineSource('.dvmrc'), toolVersionsSource(['deno']), ...miseSources(['deno'])], undefined, { product: 'deno', stack: 'deno' });
    const entry = ENTRY_FILES.find((file) => view.has(file)) ?? remoteImports;
    let start = procfileWeb(view, found);
    if (!start && typeof tasks.start === 'string') {
      start = 'deno task start';
      found.note(view.path(config!), `tasks.start: ${tasks.start}`);
    } else if (!start && entry) {
      start = `deno run --allow-net --allow-env --allow-read ${entry}`;
      found.note(view.path(entry), `entry file ${entry}`);
    }
    const build = typeof tasks.build === 'string' ? 'deno task build' : entry ? `deno cache ${entry}` : null;
    let port = portInFiles(view, found, [...(entry ? [entry] : []), 'main.ts', 'server.ts', 'dev.ts']);
    if (port === null && (framework === 'fresh' || start)) {
      port = 8000;
      found.note(view.path(config ?? 'deno.lock'), 'Deno.serve listens on 8000 by default');
    }
    return {
      language: 'deno',
      confidence: config ? 0.95 : lock ? 0.7 : 0.6,
      facts: { packageManager: 'deno', version, framework, build, start, install: lock ? 'deno install --frozen' : 'deno install', port },
      evidence: found.evidence,
    };
  },
};

/** A TypeScript file at the top or in src/ that imports from deno.land or jsr: Deno without a config file. */
function denoSource(view: AppView): string | null {
  const files = [...view.list().filter((f) => /\.tsx?$/.test(f)), ...view.list('src').filter((f) => /\.tsx?$/.test(f)).map((f) => `src/${f}`)];
  for (const file of files.slice(0, 20)) {
    if (/from\s+["'](https:\/\/deno\.land\/|jsr:|npm:)/.test(view.read(file, 16 * 1024) ?? '')) return file;
  }
  return null;
}
