// Health routes in Go: net/http (and Go 1.22 method patterns), gorilla/mux, chi, gin, echo, fiber.
import type { AppFacts } from '../types.js';
import type { AppView } from '../view.js';
import { bracketEnd, joinPath, type HealthScan, type HealthScanner, type RouteCandidate } from './route.js';
import { sourceFiles, type SourceFile } from './source.js';

/** Calls that make a router serving at the root. */
const ROUTER_CONSTRUCTORS = /^(?:gin\.(?:Default|New)|echo\.New|fiber\.New|chi\.(?:NewRouter|NewMux)|http\.NewServeMux|mux\.NewRouter|httprouter\.New)$/;
/** Parameter types that are a whole server's router: what is routed on them sits at the root. */
const ROOT_TYPES = /^\*(?:gin\.Engine|echo\.Echo|fiber\.App|http\.ServeMux|httprouter\.Router)$/;
/** Parameter types that may as well be a group under some prefix. */
const ROUTER_TYPES = /^\*?(?:chi\.Router|chi\.Mux|gin\.IRouter|gin\.IRoutes|gin\.RouterGroup|echo\.Group|fiber\.Router|mux\.Router)$/;

interface Scope {
  /** Offsets of a closure's body, or the whole file. */
  from: number;
  to: number;
  name: string;
  prefix: string;
  via?: string;
  /** A function parameter of a router type that groups share: its prefix is the caller's, unknown here. */
  param?: boolean;
}

interface GoFile {
  file: SourceFile;
  /** Router variables (by their last name: `s.router` -> router) with their prefix, innermost scope last. */
  scopes: Scope[];
}

function readGoFile(file: SourceFile): { go: GoFile; prefixed: number } {
  const { code } = file;
  const scopes: Scope[] = [];
  // Every group or mount under a prefix, assigned or passed straight to a function.
  const prefixed = [...code.matchAll(/\.(?:Group|PathPrefix|Route|Mount|StripPrefix)\(\s*"\/[^"]/g)].length;
  const whole = (name: string, prefix: string, via?: string, param = false) => scopes.push({ from: 0, to: code.length, name, prefix, via, param });
  const prefixOf = (name: string, at: number) => lookup(scopes, name, at)?.prefix ?? null;
  for (const m of code.matchAll(/(?<![\w.])(?:\w+\.)*(\w+)\s*:?=\s*([\w.]+)\(/g)) {
    if (ROUTER_CONSTRUCTORS.test(m[2])) whole(m[1], '/');
  }
  for (const m of code.matchAll(/\bfunc\s+(?:\([^)]*\)\s*)?\w+\s*\(([^)]*)\)/g)) {
    for (const param of m[1].split(',')) {
      const [name, type] = param.trim().split(/\s+/);
      if (name && type && (ROOT_TYPES.test(type) || ROUTER_TYPES.test(type))) whole(name, '/', undefined, !ROOT_TYPES.test(type));
    }
  }
  const lineVia = (at: number, prefix: string) => `${prefix} in ${file.path}:${file.lineOf(at)}`;
  // Groups: gin/echo/fiber Group, gorilla PathPrefix().Subrouter(), StripPrefix and chi Mount of a router variable.
  for (const m of code.matchAll(/(?<![\w.])(?:\w+\.)*(\w+)\s*:?=\s*(?:\w+\.)*(\w+)\.(?:Group\(\s*"([^"]*)"|PathPrefix\(\s*"([^"]*)"\s*\)\s*\.\s*Subrouter\(\s*\))/g)) {
    const sub = m[3] ?? m[4];
    const parent = prefixOf(m[2], m.index);
    if (parent !== null) whole(m[1], joinPath(parent, sub), `group ${lineVia(m.index, joinPath(parent, sub))}`);
  }
  for (const m of code.matchAll(/(?:\w+\.)*(\w+)\.Mount\(\s*"([^"]*)"\s*,\s*(\w+)\s*\)|StripPrefix\(\s*"([^"]*)"\s*,\s*(\w+)\s*\)/g)) {
    const parent = m[1] ? prefixOf(m[1], m.index) : '/';
    if (parent !== null) whole(m[3] ?? m[5], joinPath(parent, m[2] ?? m[4]), `mounted at ${lineVia(m.index, joinPath(parent, m[2] ?? m[4]))}`);
  }
  // chi and fiber: r.Route("/api", func(r chi.Router) { ... }) scopes its parameter to the closure.
  for (const m of code.matchAll(/(?:\w+\.)*(\w+)\.Route\(\s*"([^"]*)"\s*,\s*func\s*\(\s*(\w+)\s+[\w.*]+\s*\)[^{]*\{/g)) {
    const parent = prefixOf(m[1], m.index) ?? '/';
    const open = m.index + m[0].length - 1;
    scopes.push({ from: open, to: bracketEnd(code, open), name: m[3], prefix: joinPath(parent, m[2]), via: `route ${lineVia(m.index, joinPath(parent, m[2]))}` });
  }
  return { go: { file, scopes }, prefixed };
}

function lookup(scopes: Scope[], name: string, at: number): Scope | null {
  let found: Scope | null = null;
  for (const scope of scopes) {
    if (scope.name !== name || scope.from > at || at > scope.to) continue;
    // The innermost scope wins; in the same scope, a router made here beats a parameter of the same name.
    if (!found || scope.from > found.from || (scope.from === found.from && found.param && !scope.param)) found = scope;
  }
  return found;
}

/** `"GET /healthz"` -> /healthz; `"POST /x"` -> null; `"/healthz"` -> /healthz. */
function muxPattern(pattern: string): string | null {
  const m = /^(?:([A-Z]+)\s+)?(\/\S*)$/.exec(pattern.trim());
  if (!m || (m[1] && !/^(GET|HEAD)$/.test(m[1]))) return null;
  return m[2];
}

function scanFile({ file, scopes }: GoFile, strict: boolean, routes: RouteCandidate[]): void {
  const { code, text } = file;
  const add = (receiver: string | null, value: string | null, at: number, end: number, known: boolean) => {
    if (value === null) return;
    const scope: Pick<Scope, 'prefix' | 'via' | 'param'> | null = receiver === null || receiver === 'http' ? { prefix: '/' } : lookup(scopes, receiver, at);
    if (scope ? scope.param === true && strict : !known || strict) return;
    routes.push({ path: joinPath(scope?.prefix ?? '/', value), file: file.path, line: file.lineOf(at), code: `${text.slice(at, end).replace(/\s+/g, ' ')})`, via: scope?.via });
  };
  for (const m of code.matchAll(/(?<![\w])(\w+)\.(HandleFunc|Handle)\(\s*"([^"]*)"/g)) {
    const end = m.index + m[0].length;
    const close = bracketEnd(code, m.index + m[0].indexOf('('));
    const methods = /^\s*\.\s*Methods\(([^)]*)\)/.exec(code.slice(close + 1, close + 200));
    if (methods && !/"(?:GET|HEAD)"/.test(methods[1])) continue;
    add(m[1], muxPattern(m[3]), m.index, end, true);
  }
  // gin, echo, httprouter: GET/Any are router methods; chi and fiber's Get is also an HTTP client's, so only on a known router.
  for (const m of code.matchAll(/(?<![\w])(\w+)\.(GET|Any|Get|All)\(\s*"(\/[^"]*)"/g)) add(m[1], m[3], m.index, m.index + m[0].length, /^[A-Z]+$|^Any$/.test(m[2]));
  for (const m of code.matchAll(/(?<![\w])(\w+)\.Handle\(\s*"GET"\s*,\s*"(\/[^"]*)"/g)) add(m[1], m[2], m.index, m.index + m[0].length, true);
  // r.URL.Path == "/healthz", and case "/healthz": in a switch on it.
  for (const m of code.matchAll(/\bURL\.Path\s*==\s*"(\/[^"]*)"|"(\/[^"]*)"\s*==\s*\w+\.URL\.Path\b/g)) {
    routes.push({ path: m[1] ?? m[2], file: file.path, line: file.lineOf(m.index), code: text.slice(m.index, m.index + m[0].length) });
  }
  for (const sw of code.matchAll(/\bswitch\s+\w+\.URL\.Path\s*\{/g)) {
    const open = sw.index + sw[0].length - 1;
    const body = code.slice(open, bracketEnd(code, open));
    for (const m of body.matchAll(/\bcase\s+("\/[^"]*"(?:\s*,\s*"\/[^"]*")*)\s*:/g)) {
      for (const value of m[1].matchAll(/"(\/[^"]*)"/g)) routes.push({ path: value[1], file: file.path, line: file.lineOf(open + m.index), code: `case ${value[0]}` });
    }
  }
}

export const goHealth: HealthScanner = {
  id: 'go',
  languages: ['go'],
  scan(view: AppView, _facts: AppFacts): HealthScan {
    const read = sourceFiles(view, /\.go$/, 'c', ['main.go']).map(readGoFile);
    // A route on a router this scan cannot place (a function's parameter, a struct field) is only
    // trusted when no group or mount anywhere could put a prefix in front of it.
    const strict = read.some((file) => file.prefixed > 0);
    const routes: RouteCandidate[] = [];
    for (const { go } of read) scanFile(go, strict, routes);
    return { routes, notes: [] };
  },
};
