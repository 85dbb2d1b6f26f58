// Health routes in Python: Flask (blueprints), FastAPI (APIRouter), Starlette, Django urls.py,
// and http.server handlers comparing `self.path`.
import type { AppFacts } from '../types.js';
import type { AppView } from '../view.js';
import { foldSpaces } from '../../text.js';
import { bracketEnd, joinPath, splitArgs, type HealthScan, type HealthScanner, type RouteCandidate, type RoutePrefix } from './route.js';
import { sourceFiles, type SourceFile } from './source.js';

const ENTRY_FILES = ['app.py', 'main.py', 'server.py', 'wsgi.py', 'asgi.py', 'app/main.py', 'src/main.py', 'src/app.py'];
/** What makes an object that holds routes, and the keyword naming its own prefix. */
const CONSTRUCTORS: Array<[RegExp, Made['kind'], string]> = [
  [/^(?:flask\.)?Flask$|^(?:fastapi\.)?FastAPI$|^Quart$|^Sanic$|^Starlette$/, 'app', ''],
  [/^(?:flask\.)?Blueprint$/, 'blueprint', 'url_prefix'],
  [/^(?:fastapi\.)?APIRouter$/, 'router', 'prefix'],
  [/^(?:flask_restx\.)?Namespace$/, 'namespace', 'path'],
  [/^(?:flask_restful\.|flask_restx\.)?Api$/, 'api', 'prefix'],
];

interface Made {
  /** blueprint and namespace: a prefix given at registration replaces their own; router: it is added to it. */
  kind: 'app' | 'blueprint' | 'router' | 'namespace' | 'api';
  prefix: string;
  /** Flask-RESTful's Api(bp): the object it serves routes on. */
  parent?: string;
}

interface Registration {
  file: PyFile;
  line: number;
  /** The object it is registered on (`app` in `app.include_router(...)`). */
  on: string;
  /** The registered object as written: `health.router`, `bp`. */
  target: string;
  /** null: no prefix given (a blueprint keeps its own url_prefix). */
  prefix: string | null;
}

interface PyFile {
  file: SourceFile;
  /** Dotted module name of the file, from the app root (`app.routers.health`). */
  module: string;
  /** Local name -> [module, attribute or null]. */
  imports: Map<string, [string, string | null]>;
  made: Map<string, Made>;
  registrations: Registration[];
}

function literal(text: string | undefined): string | null {
  const m = text ? /^(?:path\s*=\s*)?[rbuf]?(['"])([^'"]*)\1$/.exec(text.trim()) : null;
  return m ? m[2] : null;
}

function keyword(args: string[], name: string): string | null {
  for (const arg of args) {
    const m = new RegExp(`^${name}\\s*=\\s*([\\s\\S]*)$`).exec(arg);
    if (m) return literal(m[1]);
  }
  return null;
}

function allowsGet(args: string[]): boolean {
  const methods = args.find((arg) => /^methods\s*=/.test(arg));
  return methods === undefined || /['"](?:GET|HEAD)['"]/i.test(methods);
}

function moduleOf(rel: string): string {
  return rel.replace(/\.py$/, '').replace(/\/__init__$/, '').replace(/\//g, '.');
}

function readPyFile(file: SourceFile): PyFile {
  const { code } = file;
  const module = moduleOf(file.rel);
  const pkg = file.rel.endsWith('__init__.py') ? module : module.split('.').slice(0, -1).join('.');
  const absolute = (spec: string) => {
    const dots = /^\.*/.exec(spec)![0].length;
    if (dots === 0) return spec;
    const base = pkg.split('.').filter(Boolean);
    const up = base.slice(0, Math.max(0, base.length - (dots - 1)));
    return [...up, spec.slice(dots)].filter(Boolean).join('.');
  };
  const imports = new Map<string, [string, string | null]>();
  for (const m of code.matchAll(/^[ \t]*from\s+([.\w]+)\s+import\s+(\([^)]*\)|[^\n]+)/gm)) {
    for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (name && /^\w+$/.test(name)) imports.set(alias ?? name, [absolute(m[1]), name]);
    }
  }
  for (const m of code.matchAll(/^[ \t]*import\s+([\w.]+)(?:\s+as\s+(\w+))?/gm)) imports.set(m[2] ?? m[1].split('.')[0], [m[2] ? m[1] : m[1].split('.')[0], null]);
  const made = new Map<string, Made>();
  for (const m of code.matchAll(/^[ \t]*(\w+)\s*(?::\s*[\w.]+\s*)?=\s*([\w.]+)\s*\(/gm)) {
    const constructor = CONSTRUCTORS.find(([pattern]) => pattern.test(m[2]));
    if (!constructor) continue;
    const [, kind, prefixKeyword] = constructor;
    const open = m.index + m[0].length - 1;
    const args = splitArgs(code.slice(open + 1, bracketEnd(code, open)));
    // flask-restx: Namespace('health') serves under /health unless path= says otherwise.
    const fallback = kind === 'namespace' ? `/${literal(args[0]) ?? ''}` : '';
    const parent = kind === 'api' && args[0] && /^\w+$/.test(args[0]) && !args[0].includes('=') ? args[0] : undefined;
    made.set(m[1], { kind, prefix: (prefixKeyword ? keyword(args, prefixKeyword) : null) ?? fallback, parent });
  }
  const registrations: Registration[] = [];
  for (const m of code.matchAll(/(?<![\w.])([\w.]+)\.(register_blueprint|include_router|add_namespace|mount)\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const args = splitArgs(code.slice(open + 1, bracketEnd(code, open)));
    const line = file.lineOf(m.index);
    if (m[2] === 'mount') {
      const at = literal(args[0]);
      if (at !== null && args[1] && /^[\w.]+$/.test(args[1])) registrations.push({ file: null!, line, on: m[1], target: args[1], prefix: at });
      continue;
    }
    if (!args[0] || !/^[\w.]+$/.test(args[0])) continue;
    const prefixKeyword = m[2] === 'register_blueprint' ? 'url_prefix' : m[2] === 'add_namespace' ? 'path' : 'prefix';
    registrations.push({ file: null!, line, on: m[1], target: args[0], prefix: keyword(args, prefixKeyword) });
  }
  const py: PyFile = { file, module, imports, made, registrations };
  for (const registration of registrations) registration.file = py;
  return py;
}

class Resolver {
  readonly byModule = new Map<string, PyFile>();
  readonly files: PyFile[];
  unresolved = 0;

  constructor(files: SourceFile[]) {
    this.files = files.map(readPyFile);
    for (const file of this.files) {
      this.byModule.set(file.module, file);
      // `src/` layouts import without the folder name.
      if (file.module.startsWith('src.')) this.byModule.set(file.module.slice(4), file);
    }
    for (const file of this.files) {
      for (const registration of file.registrations) {
        if (registration.prefix && registration.prefix.replace(/\/+/g, '') !== '' && !this.resolve(file, registration.target)) this.unresolved++;
      }
    }
  }

  /** A dotted name used in `file` -> the file and object it names, when they are among the scanned files. */
  resolve(file: PyFile, dotted: string): { file: PyFile; name: string } | null {
    const parts = dotted.split('.');
    const imported = file.imports.get(parts[0]);
    if (!imported) return parts.length === 1 && file.made.has(parts[0]) ? { file, name: parts[0] } : null;
    const [module, attribute] = imported;
    const rest = parts.slice(1);
    const candidates: Array<[string, string[]]> = attribute ? [[`${module}.${attribute}`, rest], [module, [attribute, ...rest]]] : [[module, rest]];
    for (const [base, names] of candidates) {
      for (let split = names.length; split >= 0; split--) {
        const target = this.byModule.get([base, ...names.slice(0, split)].filter(Boolean).join('.'));
        const name = names.slice(split).join('.');
        if (target && /^\w+$/.test(name)) return { file: target, name };
      }
    }
    return null;
  }

  /** Where routes on `receiver` in `file` are served, and whether that is certain. */
  prefixOf(file: PyFile, receiver: string, depth = 0): RoutePrefix {
    if (depth > 6) return { prefix: '/', certain: false };
    const made = file.made.get(receiver);
    if (!made && !receiver.includes('.')) {
      const imported = this.resolve(file, receiver);
      if (imported && imported.file !== file) return this.prefixOf(imported.file, imported.name, depth + 1);
    }
    const own = made?.prefix ?? '';
    for (const other of this.files) {
      for (const registration of other.registrations) {
        const target = this.resolve(other, registration.target);
        if (!target || target.file !== file || target.name !== receiver) continue;
        const parent = this.prefixOf(other, registration.on, depth + 1);
        // Flask: the prefix given at registration replaces the blueprint's own; FastAPI adds to it.
        const local = made?.kind === 'blueprint' || made?.kind === 'namespace' ? [registration.prefix ?? own] : [registration.prefix ?? '', own];
        const at = joinPath(parent.prefix, ...local);
        return { prefix: at, via: at !== '/' ? `registered at ${at} in ${other.file.path}:${registration.line}` : parent.via, certain: parent.certain };
      }
    }
    if (made?.kind === 'app') return { prefix: '/', certain: true };
    if (made?.parent) {
      const parent = this.prefixOf(file, made.parent, depth + 1);
      return { ...parent, prefix: joinPath(parent.prefix, own) };
    }
    return { prefix: joinPath(own), certain: this.unresolved === 0 };
  }
}

/** `@app.get('/health')`, `@bp.route('/health', methods=['GET'])`, `@router.api_route(...)`, `app.add_url_rule('/health', ...)`. */
function decoratorRoutes(resolver: Resolver, file: PyFile, routes: RouteCandidate[]): void {
  const { code, text } = file.file;
  for (const m of code.matchAll(/(@[ \t]*)?(?<![\w.])([\w.]+)\.(route|get|api_route|add_url_rule)\s*\(/g)) {
    const decorator = Boolean(m[1]);
    if (decorator === (m[3] === 'add_url_rule')) continue;
    const open = m.index + m[0].length - 1;
    const close = bracketEnd(code, open);
    const args = splitArgs(code.slice(open + 1, close));
    const value = literal(args[0]) ?? keyword(args, 'path') ?? keyword(args, 'rule');
    if (value === null || !value.startsWith('/') || !allowsGet(args)) continue;
    const receiver = m[2].split('.').pop()!;
    const where = resolver.prefixOf(file, m[2].includes('.') ? m[2] : receiver);
    if (!where.certain) continue;
    const first = text.slice(open + 1, close).split(',')[0].trim();
    routes.push({ path: joinPath(where.prefix, value), file: file.file.path, line: file.file.lineOf(m.index), code: `${decorator ? '@' : ''}${m[2]}.${m[3]}(${foldSpaces(first)})`, via: where.via });
  }
}

/** Flask-RESTful and flask-restx: `api.add_resource(Health, '/health')`. */
function resourceRoutes(resolver: Resolver, file: PyFile, routes: RouteCandidate[]): void {
  const { code } = file.file;
  for (const m of code.matchAll(/(?<![\w.])(\w+)\.add_resource\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const args = splitArgs(code.slice(open + 1, bracketEnd(code, open)));
    for (const value of args.slice(1).map(literal)) {
      if (value === null || !value.startsWith('/')) continue;
      const where = resolver.prefixOf(file, m[1]);
      if (!where.certain) continue;
      routes.push({ path: joinPath(where.prefix, value), file: file.file.path, line: file.file.lineOf(m.index), code: `${m[1]}.add_resource(${args[0]}, '${value}')`, via: where.via });
    }
  }
}

/** Starlette's `Route('/health', endpoint)`, under the prefix of an enclosing `Mount('/api', routes=[...])`. */
function starletteRoutes(file: PyFile, routes: RouteCandidate[]): void {
  const { code } = file.file;
  const mounts: Array<{ from: number; to: number; prefix: string }> = [];
  for (const m of code.matchAll(/(?<![\w.])Mount\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const at = literal(splitArgs(code.slice(open + 1, bracketEnd(code, open)))[0]);
    if (at !== null) mounts.push({ from: open, to: bracketEnd(code, open), prefix: at });
  }
  for (const m of code.matchAll(/(?<![\w.])Route\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const args = splitArgs(code.slice(open + 1, bracketEnd(code, open)));
    const value = literal(args[0]);
    if (value === null || !value.startsWith('/') || !allowsGet(args)) continue;
    const prefixes = mounts.filter((mount) => mount.from < m.index && m.index < mount.to).map((mount) => mount.prefix);
    routes.push({ path: joinPath(...prefixes, value), file: file.file.path, line: file.file.lineOf(m.index), code: `Route(${args[0]})` });
  }
}

/** `if self.path == '/health'` in http.server handlers (not in do_POST and friends), `request.path == '/health'`. */
function comparedPaths(file: PyFile, routes: RouteCandidate[]): void {
  const { code, text } = file.file;
  const add = (value: string, at: number, length: number) => {
    const handler = [...code.slice(0, at).matchAll(/\bdef\s+do_([A-Z]+)\s*\(/g)].pop();
    if (handler && !/^(GET|HEAD)$/.test(handler[1])) return;
    routes.push({ path: value, file: file.file.path, line: file.file.lineOf(at), code: foldSpaces(text.slice(at, at + length)) });
  };
  for (const m of code.matchAll(/(?<![\w.])(?:\w+\.)*(?:path|path_info)\s*==\s*[rbu]?(['"])(\/[^'"\n]*)\1/g)) add(m[2], m.index, m[0].length);
  for (const m of code.matchAll(/[rbu]?(['"])(\/[^'"\n]*)\1\s*==\s*(?:\w+\.)*(?:path|path_info)\b/g)) add(m[2], m.index, m[0].length);
}

/** A Django route pattern as a path: `health/` -> `health/`; `^health/?$` -> `health/`; null when it takes parameters. */
function djangoPattern(pattern: string, regex: boolean): string | null {
  if (!regex) return /[<>]/.test(pattern) ? null : pattern;
  const plain = pattern.replace(/^\^/, '').replace(/\$$/, '').replace(/\/\?$/, '/');
  return /^[\w\-./]*$/.test(plain) ? plain : null;
}

/**
 * Django: the root URLconf (settings' ROOT_URLCONF, else the shallowest urls.py) and the modules it
 * include()s, each under its prefix; `include('health_check.urls')` is a health check wherever it sits.
 */
function djangoRoutes(resolver: Resolver, routes: RouteCandidate[]): void {
  let root: PyFile | undefined;
  for (const file of resolver.files) {
    const conf = /^ROOT_URLCONF\s*=\s*['"]([\w.]+)['"]/m.exec(file.file.code)?.[1];
    if (conf) root = resolver.byModule.get(conf);
    if (root) break;
  }
  root ??= resolver.files.filter((file) => /(^|\/)urls\.py$/.test(file.file.rel)).sort((a, b) => a.file.rel.split('/').length - b.file.rel.split('/').length)[0];
  if (!root) return;
  const visit = (file: PyFile, prefix: string, depth: number, via?: string) => {
    const { code } = file.file;
    for (const m of code.matchAll(/(?<![\w.])(path|re_path|url)\s*\(/g)) {
      const open = m.index + m[0].length - 1;
      const args = splitArgs(code.slice(open + 1, bracketEnd(code, open)));
      const raw = literal(args[0]);
      if (raw === null) continue;
      const pattern = djangoPattern(raw, m[1] !== 'path');
      if (pattern === null) continue;
      const full = joinPath(prefix, pattern);
      const included = args[1] ? /^include\(\s*(?:\(\s*)?['"]([\w.]+)['"]/.exec(args[1])?.[1] : undefined;
      const line = file.file.lineOf(m.index);
      const written = `${m[1]}('${raw}'${included ? `, include('${included}')` : ''})`;
      if (included === 'health_check.urls') {
        routes.push({ path: full.endsWith('/') ? full : `${full}/`, file: file.file.path, line, code: written, declared: true, via });
      } else if (included) {
        const child = resolver.byModule.get(included);
        if (child && depth < 4) visit(child, full, depth + 1, full !== '/' ? `included at ${full} in ${file.file.path}:${line}` : via);
      } else if (args[1]) {
        routes.push({ path: full, file: file.file.path, line, code: written, via });
      }
    }
  };
  visit(root, '', 0);
}

export const pythonHealth: HealthScanner = {
  id: 'python',
  languages: ['python'],
  scan(view: AppView, facts: AppFacts): HealthScan {
    const fromStart = /\b([\w./]+)(?:\.py\b|:\w+)/.exec(facts.start ?? '')?.[1];
    const first = [...(fromStart ? [`${fromStart.replace(/\./g, '/')}.py`, `${fromStart}.py`] : []), ...ENTRY_FILES];
    const resolver = new Resolver(sourceFiles(view, /\.py$/, 'python', first));
    const routes: RouteCandidate[] = [];
    for (const file of resolver.files) {
      decoratorRoutes(resolver, file, routes);
      resourceRoutes(resolver, file, routes);
      starletteRoutes(file, routes);
      comparedPaths(file, routes);
    }
    if (facts.framework === 'django' || resolver.files.some((file) => /(^|\/)urls\.py$/.test(file.file.rel))) djangoRoutes(resolver, routes);
    return { routes, notes: [] };
  },
};
