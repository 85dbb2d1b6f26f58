// Health routes in JavaScript and TypeScript: Express, Koa routers, Fastify, Hono, hapi, Nest,
// and plain `req.url === '/health'` servers (Node, Bun and Deno alike).
import { posix as path } from 'node:path';
import type { AppFacts } from '../types.js';
import type { AppView } from '../view.js';
import { escapeRegExp, foldSpaces } from '../../text.js';
import { bracketEnd, joinPath, splitArgs, type HealthScan, type HealthScanner, type RouteCandidate, type RoutePrefix } from './route.js';
import { sourceFiles, type SourceFile } from './source.js';

const EXTENSIONS = /\.(?:[cm]?[jt]s)$/;
const ENTRY_FILES = ['server.js', 'index.js', 'app.js', 'main.js', 'server.ts', 'index.ts', 'app.ts', 'main.ts', 'src/server.js', 'src/index.js', 'src/app.js', 'src/main.ts', 'src/server.ts', 'src/index.ts', 'src/app.ts'];
const RESOLVE_SUFFIXES = ['', '.js', '.ts', '.mjs', '.cjs', '.mts', '/index.js', '/index.ts', '/index.mjs'];

/** Calls that make an app or a router whose routes sit at the root unless it is mounted somewhere. */
const SERVER_CONSTRUCTOR = /^(?:express(?:\.Router)?|Router|KoaRouter|fastify|Fastify|Hono|OpenAPIHono|Elysia|Koa|polka|createServer|restify\.createServer|createApp|createRouter)$/;
/** Receivers that are apps or routers by convention (a Fastify plugin's parameter, an exported router). */
const CONVENTIONAL = new Set(['app', 'router', 'server', 'fastify', 'instance']);
/** Receivers that are HTTP clients: their `.get('/health')` calls another service. */
const CLIENT_CONSTRUCTOR = /^(?:axios(?:\.create)?|ky(?:\.create|\.extend)?|got(?:\.extend)?|supertest|request|fetch|ofetch|\$fetch)$/;

interface Mount {
  file: SourceFile;
  line: number;
  /** The object it is mounted on. */
  on: string;
  prefix: string;
  /** A name of this file, or a module specifier required inline. */
  target: { name: string } | { spec: string };
}

interface FileFacts {
  file: SourceFile;
  /** Local name -> module specifier, from import and require. */
  imports: Map<string, string>;
  /** Receivers made by a server or router constructor here: their own prefix (Hono basePath, koa-router prefix), and whether it is an app (serves at the root unless mounted) or a router. */
  made: Map<string, { prefix: string; app: boolean }>;
  clients: Set<string>;
  mounts: Mount[];
}

function stringAt(code: string, offset: number): { value: string; end: number } | null {
  const match = /^\s*(['"`])([^'"`\n]*)\1/.exec(code.slice(offset, offset + 400));
  return match && !match[2].includes('${') ? { value: match[2], end: offset + match[0].length } : null;
}

function readFacts(file: SourceFile): FileFacts {
  const { code } = file;
  const imports = new Map<string, string>();
  for (const m of code.matchAll(/\bimport\s+(?:type\s+)?([\w$]+)?\s*,?\s*(?:\*\s+as\s+([\w$]+)|\{([^}]*)\})?\s*from\s*(['"])([^'"]+)\4/g)) {
    for (const name of [m[1], m[2], ...(m[3] ?? '').split(',').map((part) => part.trim().split(/\s+as\s+/).pop())]) if (name) imports.set(name, m[5]);
  }
  for (const m of code.matchAll(/\b(?:const|let|var)\s+(?:([\w$]+)|\{([^}]*)\})\s*=\s*(?:await\s+import|require)\(\s*(['"])([^'"]+)\3\s*\)/g)) {
    for (const name of [m[1], ...(m[2] ?? '').split(',').map((part) => part.trim().split(/\s*:\s*/).pop())]) if (name) imports.set(name, m[4]);
  }
  const made = new Map<string, { prefix: string; app: boolean }>();
  const clients = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*(?::\s*[\w$.<>]+\s*)?=\s*(?:await\s+)?(?:new\s+)?((?:require\(\s*['"][\w@/.-]+['"]\s*\)|[\w$]+)(?:\.[\w$]+)*)\s*\(/g)) {
    const [, name, callee] = m;
    const required = /^require\(\s*['"]([\w@/.-]+)['"]\s*\)(?:\.(\w+))?$/.exec(callee);
    const constructor = required ? (required[2] ?? required[1].split('/').pop()!) : callee;
    if (CLIENT_CONSTRUCTOR.test(constructor)) {
      clients.add(name);
      continue;
    }
    if (!SERVER_CONSTRUCTOR.test(constructor) && !/^(?:koa|hono|router|koa-router|restify)$/.test(constructor)) continue;
    const open = m.index + m[0].length - 1;
    const close = bracketEnd(code, open);
    const own = /\bprefix\s*:\s*(['"`])(\/[^'"`]*)\1/.exec(code.slice(open, close))?.[2] ?? /^\s*\.basePath\(\s*(['"`])(\/[^'"`]*)\1/.exec(code.slice(close + 1, close + 200))?.[2] ?? '';
    made.set(name, { prefix: own, app: !/router/i.test(constructor) });
  }
  for (const m of code.matchAll(/(?<![\w$])([\w$]+)\.prefix\(\s*(['"`])(\/[^'"`]*)\2\s*\)/g)) {
    const entry = made.get(m[1]);
    if (entry) entry.prefix = m[3];
  }
  return { file, imports, made, clients, mounts: readMounts(file) };
}

/** `x.use('/p', r)`, `x.use(r.routes())`, `x.route('/p', r)`, `x.register(r, { prefix: '/p' })`, inline require()/import(). */
function readMounts(file: SourceFile): Mount[] {
  const { code } = file;
  const mounts: Mount[] = [];
  const target = (text: string): Mount['target'] | null => {
    const inline = /^(?:require|import)\(\s*(['"])([^'"]+)\1\s*\)$/.exec(text);
    if (inline) return { spec: inline[2] };
    const name = /^([\w$]+)(?:\.(?:routes|middleware)\(\)|\.router|\.default)?$/.exec(text);
    return name ? { name: name[1] } : null;
  };
  for (const m of code.matchAll(/(?<![\w$])([\w$]+)\s*\.\s*(use|route|register)\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const args = splitArgs(code.slice(open + 1, bracketEnd(code, open)));
    if (args.length === 0) continue;
    const line = file.lineOf(m.index);
    if (m[2] === 'register') {
      const what = target(args[0]);
      const prefix = /\bprefix\s*:\s*(['"`])(\/[^'"`]*)\1/.exec(args[1] ?? '')?.[2] ?? '';
      if (what) mounts.push({ file, line, on: m[1], prefix, target: what });
      continue;
    }
    const first = /^(['"`])([^'"`]*)\1$/.exec(args[0]);
    if (first && (!first[2].startsWith('/') || args.length < 2)) continue;
    // Express takes middleware before the router: use('/api', auth, router); the router comes last.
    const what = target(args[args.length - 1]);
    if (what) mounts.push({ file, line, on: m[1], prefix: first?.[2] ?? '', target: what });
  }
  return mounts;
}

function resolveSpec(from: SourceFile, spec: string, byRel: Map<string, FileFacts>): FileFacts | null {
  if (!spec.startsWith('.')) return null;
  const base = path.join(path.dirname(from.rel), spec).replace(/\.(js|mjs|cjs)$/, '');
  for (const suffix of RESOLVE_SUFFIXES) {
    const found = byRel.get(`${base}${suffix}`) ?? byRel.get(`${path.join(path.dirname(from.rel), spec)}${suffix}`);
    if (found) return found;
  }
  return null;
}

class Resolver {
  readonly byRel = new Map<string, FileFacts>();
  /** Every mount with the file it brings in (null: a module this scan cannot follow, or a package). */
  readonly mounts: Array<{ mount: Mount; into: FileFacts | null }> = [];
  /** Prefixed mounts of the app's own modules that could not be followed: a router may sit under one of them. */
  unresolved = 0;

  constructor(files: SourceFile[]) {
    for (const file of files) this.byRel.set(file.rel, readFacts(file));
    for (const facts of this.byRel.values()) {
      for (const mount of facts.mounts) {
        const spec = 'spec' in mount.target ? mount.target.spec : facts.imports.get(mount.target.name);
        const into = spec === undefined ? facts : resolveSpec(facts.file, spec, this.byRel);
        this.mounts.push({ mount, into });
        const prefixed = mount.prefix.replace(/\/+/g, '') !== '';
        if (prefixed && spec?.startsWith('.') && (into === null || !hasRoutes(into))) this.unresolved++;
      }
    }
  }

  facts(file: SourceFile): FileFacts {
    return this.byRel.get(file.rel)!;
  }

  /** Where routes on `receiver` in `file` are served, and whether that is certain. */
  prefixOf(file: FileFacts, receiver: string, depth = 0): RoutePrefix {
    const made = file.made.get(receiver);
    const own = made?.prefix ?? '';
    if (depth > 6) return { prefix: own, certain: false };
    const local = this.mounts.find(({ mount, into }) => into === file && mount.file === file.file && 'name' in mount.target && mount.target.name === receiver && mount.on !== receiver);
    if (local) return this.through(local.mount, own, depth);
    const outside = this.mounts.find(({ mount, into }) => into === file && mount.file !== file.file);
    if (outside) return this.through(outside.mount, own, depth);
    if (made?.app) return { prefix: joinPath(own), certain: true };
    const autoload = this.autoloadPrefix(file);
    if (autoload !== null) return { prefix: joinPath(autoload.prefix, own), via: autoload.via, certain: true };
    return { prefix: joinPath(own), certain: this.unresolved === 0 };
  }

  private through(mount: Mount, own: string, depth: number): RoutePrefix {
    const parent = this.prefixOf(this.facts(mount.file), mount.on, depth + 1);
    const at = joinPath(parent.prefix, mount.prefix);
    return { prefix: joinPath(at, own), via: at !== '/' ? `mounted at ${at} in ${mount.file.path}:${mount.line}` : parent.via, certain: parent.certain };
  }

  /** @fastify/autoload: files under the loaded folder are served under their sub-folder's name. */
  private autoloadPrefix(file: FileFacts): { prefix: string; via: string } | null {
    for (const other of this.byRel.values()) {
      const m = /\.register\(\s*(?:AutoLoad|autoload|autoLoad|fastifyAutoload)\s*,\s*\{[^}]*?\bdir\s*:\s*(?:[\w.]*\(\s*[\w.]+\s*,\s*)?(['"`])([\w./-]+)\1/.exec(other.file.code);
      if (!m) continue;
      const dir = path.join(path.dirname(other.file.rel), m[2]);
      if (!file.file.rel.startsWith(`${dir}/`)) continue;
      const sub = path.dirname(file.file.rel.slice(dir.length + 1));
      return { prefix: sub === '.' ? '' : `/${sub}`, via: `loaded by @fastify/autoload from ${path.join(path.dirname(other.file.path), m[2])}` };
    }
    return null;
  }
}

function hasRoutes(facts: FileFacts): boolean {
  return /\.\s*(?:get|all|route|use|register)\s*\(/.test(facts.file.code);
}

/** The receiver can hold routes: an app or router made here, or a conventional name, and not an HTTP client. */
function serverReceiver(facts: FileFacts, receiver: string): boolean {
  if (facts.clients.has(receiver)) return false;
  return facts.made.has(receiver) || CONVENTIONAL.has(receiver);
}

function methodAllowsGet(methods: string): boolean {
  return /\b(?:GET|ALL)\b|['"]\*['"]/i.test(methods);
}

/** `app.get('/health')`, `router.all('/health')`, `app.route('/health').get(...)`, koa-router's named `router.get('name', '/health')`. */
function methodRoutes(resolver: Resolver, facts: FileFacts, routes: RouteCandidate[]): void {
  const { file } = facts;
  const { code } = file;
  const add = (receiver: string, value: string, at: number, end: number) => {
    if (!value.startsWith('/') || !serverReceiver(facts, receiver)) return;
    const where = resolver.prefixOf(facts, receiver);
    if (!where.certain) return;
    routes.push({ path: joinPath(where.prefix, value), file: file.path, line: file.lineOf(at), code: `${foldSpaces(file.text.slice(at, end))})`, via: where.via });
  };
  for (const m of code.matchAll(/(?<![\w$])([\w$]+)\s*\.\s*(?:get|all)\s*\(\s*(?:(['"`])[\w.-]+\2\s*,\s*)?(?=['"`])/g)) {
    const literal = stringAt(code, m.index + m[0].length);
    if (literal) add(m[1], literal.value, m.index, literal.end);
  }
  for (const m of code.matchAll(/(?<![\w$])([\w$]+)\s*\.\s*route\s*\(\s*(?=['"`])/g)) {
    const literal = stringAt(code, m.index + m[0].length);
    if (literal && /^\s*\)/.test(code.slice(literal.end)) && chainedMethods(code, code.indexOf(')', literal.end) + 1).some((name) => name === 'get' || name === 'all')) {
      add(m[1], literal.value, m.index, literal.end);
    }
  }
}

/** The methods called in a chain from `at`: `.get(h).post(h)` -> get, post. */
function chainedMethods(code: string, at: number): string[] {
  const names: string[] = [];
  let i = at;
  for (;;) {
    const m = /^\s*\.\s*(\w+)\s*\(/.exec(code.slice(i, i + 200));
    if (!m) return names;
    names.push(m[1]);
    i = bracketEnd(code, i + m[0].length - 1) + 1;
  }
}

/** Fastify's and hapi's `x.route({ method: 'GET', url|path: '/health' })`, also in an array of routes. */
function objectRoutes(resolver: Resolver, facts: FileFacts, routes: RouteCandidate[]): void {
  const { file } = facts;
  const { code } = file;
  for (const m of code.matchAll(/(?<![\w$])([\w$]+)\s*\.\s*route\s*\(\s*(?=[[{])/g)) {
    if (!serverReceiver(facts, m[1])) continue;
    const open = m.index + m[0].length;
    const end = bracketEnd(code, open);
    const objects: Array<[number, number]> = [];
    if (code[open] === '{') objects.push([open, end]);
    else {
      for (let i = open + 1; i < end; i++) {
        if (code[i] !== '{') continue;
        const close = bracketEnd(code, i);
        objects.push([i, close]);
        i = close;
      }
    }
    for (const [start, close] of objects) {
      const body = topLevel(code.slice(start + 1, close));
      const method = /\bmethod\s*:\s*(\[[^\]]*\]|(['"`])[\w*]+\2)/.exec(body);
      const url = /\b(?:url|path)\s*:\s*(['"`])(\/[^'"`\n]*)\1/.exec(body);
      if (!method || !url || !methodAllowsGet(method[1])) continue;
      const where = resolver.prefixOf(facts, m[1]);
      if (!where.certain) continue;
      routes.push({ path: joinPath(where.prefix, url[2]), file: file.path, line: file.lineOf(start + 1 + url.index), code: `${m[1]}.route({ method: ${method[1]}, ${url[0].split(':')[0]}: '${url[2]}' })`, via: where.via });
    }
  }
}

/** The object's own keys only: nested objects and calls blanked (arrays kept, for `method: ['GET', 'HEAD']`). */
function topLevel(body: string): string {
  let out = '';
  let depth = 0;
  for (const ch of body) {
    if (ch === '{' || ch === '(') depth++;
    out += depth === 0 || ch === '\n' ? ch : ' ';
    if ((ch === '}' || ch === ')') && depth > 0) depth--;
  }
  return out;
}

/** `if (req.url === '/health')`, `ctx.path === '/health'`, `case '/health':` in a switch on the path. */
function comparedPaths(facts: FileFacts, routes: RouteCandidate[]): void {
  const { file } = facts;
  const { code } = file;
  const lineText = (at: number) => {
    const start = code.lastIndexOf('\n', at) + 1;
    const end = code.indexOf('\n', at);
    return code.slice(start, end === -1 ? code.length : end);
  };
  const add = (value: string, at: number, shown: string) => {
    // A page's own location (window.location, a client router) is not what the server answers.
    if (/\b(?:location|router|history|window|document)\b/i.test(shown)) return;
    const method = /\bmethod\s*===?\s*(['"])(\w+)\1|(['"])(\w+)\3\s*===?\s*[\w$.]*\bmethod\b/.exec(lineText(at));
    if (method && !/^(GET|HEAD)$/i.test(method[2] ?? method[4])) return;
    routes.push({ path: value, file: file.path, line: file.lineOf(at), code: foldSpaces(shown) });
  };
  for (const m of code.matchAll(/(?<![\w$])(?:[\w$]+\.)*(?:url|path|pathname)\s*===?\s*(['"`])(\/[^'"`\n]*)\1/g)) add(m[2], m.index, file.text.slice(m.index, m.index + m[0].length));
  for (const m of code.matchAll(/(['"`])(\/[^'"`\n]*)\1\s*===?\s*(?:[\w$]+\.)*(?:url|path|pathname)(?![\w$])/g)) add(m[2], m.index, file.text.slice(m.index, m.index + m[0].length));
  for (const sw of code.matchAll(/\bswitch\s*\(\s*[\w$.]*(?:\burl|\bpath|\bpathname)\s*\)\s*\{/g)) {
    const open = sw.index + sw[0].length - 1;
    const body = code.slice(open, bracketEnd(code, open));
    for (const m of body.matchAll(/\bcase\s+(['"`])(\/[^'"`\n]*)\1\s*:/g)) add(m[2], open + m.index, m[0].replace(/\s*:$/, ''));
  }
}

/** Nest: `@Controller('health')` + `@Get()`, `@Get('health')`, a global prefix, and @nestjs/terminus' `@HealthCheck()`. */
function nestRoutes(files: FileFacts[], routes: RouteCandidate[]): void {
  let global = '';
  let excluded = '';
  for (const { file } of files) {
    const m = /\.setGlobalPrefix\(\s*(['"`])([^'"`]*)\1\s*(,[^)]*)?\)/.exec(file.code);
    if (m) {
      global = m[2];
      excluded = m[3] ?? '';
    }
  }
  for (const { file } of files) {
    const { code } = file;
    const controllers = [...code.matchAll(/@Controller\(\s*(?:(['"`])([^'"`]*)\1|\{[^}]*?\bpath\s*:\s*(['"`])([^'"`]*)\3[^}]*\})?\s*\)/g)];
    controllers.forEach((controller, index) => {
      const base = controller[2] ?? controller[4] ?? '';
      const end = controllers[index + 1]?.index ?? code.length;
      const body = code.slice(controller.index, end);
      for (const get of body.matchAll(/@(?:Get|All)\(\s*(?:(['"`])([^'"`]*)\1)?\s*\)/g)) {
        const at = controller.index + get.index;
        const sub = get[2] ?? '';
        const local = joinPath(base, sub);
        // @HealthCheck() among the method's decorators, after or before @Get().
        const after = body.slice(get.index + get[0].length, get.index + 400).split(/\)\s*(?:async\s+)?\w+\s*\(/)[0];
        const declared = /@HealthCheck\(/.test(after) || /@HealthCheck\(\s*\)\s*(?:@\w+\([^)]*\)\s*)*$/.test(body.slice(0, get.index));
        const skipsPrefix = global !== '' && new RegExp(`(['"\`])/?${escapeRegExp(local.slice(1))}\\1`).test(excluded);
        const full = global && !skipsPrefix ? joinPath(global, local) : local;
        routes.push({
          path: full,
          file: file.path,
          line: file.lineOf(at),
          code: `${foldSpaces(file.text.slice(controller.index, controller.index + controller[0].length))} ${foldSpaces(file.text.slice(at, at + get[0].length))}`,
          declared,
          via: global && !skipsPrefix ? `global prefix ${joinPath(global)}` : undefined,
        });
      }
    });
  }
}

export const jsHealth: HealthScanner = {
  id: 'js',
  languages: ['node', 'deno'],
  scan(view: AppView, facts: AppFacts): HealthScan {
    const first = [...(facts.start ?? '').split(/\s+/).filter((word) => EXTENSIONS.test(word)).map((word) => word.replace(/^\.\//, '')), ...ENTRY_FILES];
    const files = sourceFiles(view, EXTENSIONS, 'c', first);
    const resolver = new Resolver(files);
    const all = [...resolver.byRel.values()];
    const routes: RouteCandidate[] = [];
    for (const facts of all) {
      methodRoutes(resolver, facts, routes);
      objectRoutes(resolver, facts, routes);
      comparedPaths(facts, routes);
    }
    if (facts.framework === 'nest' || all.some((f) => f.imports.has('Controller'))) nestRoutes(all, routes);
    return { routes, notes: [] };
  },
};
