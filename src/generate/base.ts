import table from './base-images.json' with { type: 'json' };
import { replacementFor } from '../eol/status.js';
import { compareCycles as compareVersions, cycleOf, isSupported, type Product } from '../eol/table.js';

export interface BaseImageEntry {
  stack: string;
  role: 'build' | 'final';
  flavor: string;
  version: string;
  ref: string;
  standIn?: string;
  /** The day the tag was last chosen against upstream. */
  refreshed: string;
  /** Why the entry is on the base it is, where that is not the stack's current Debian release. */
  reason?: string;
}

export const BASE_IMAGES: readonly BaseImageEntry[] = table.images as BaseImageEntry[];

/** `FROM scratch`: an empty image, nothing to pull or pin. */
export const SCRATCH = 'scratch';

/** True when the table version ("22", "3.12") covers the requested one ("22", "22.4", "3.12.1"). */
function covers(tableVersion: string, wanted: string): boolean {
  if (tableVersion === 'any') return true;
  const table = tableVersion.split('.').map(Number);
  const want = wanted.split('.').map(Number);
  return table.every((part, i) => want[i] === part);
}

export interface PickedImage {
  entry: BaseImageEntry;
  /** Set when the table had no image for the requested version and a neighbour was taken. */
  substitute: string | null;
}

const STACK_PRODUCTS: Readonly<Record<string, Product>> = { node: 'node', bun: 'bun', deno: 'deno', python: 'python', go: 'go', ruby: 'ruby', php: 'php', java: 'java', dotnet: 'dotnet', elixir: 'elixir' };

/** The end-of-life table's product for a stack of the base table (null: the image carries no versioned runtime). */
export function stackProduct(stack: string): Product | null {
  return STACK_PRODUCTS[stack] ?? null;
}

/** The stack of the table whose runtime an app of this language runs on (Bun apps are node apps run by bun). */
export function runtimeStackOf(language: string, packageManager?: string | null): string {
  if (language === 'node' && packageManager === 'bun') return 'bun';
  if (language === 'kotlin') return 'java';
  return language;
}

/** Runtime versions the table has any image for (`node` -> 20, 22, 24). */
export function imageVersions(stack: string): string[] {
  return [...new Set(BASE_IMAGES.filter((e) => e.stack === stack && e.version !== 'any').map((e) => e.version))].sort(compareVersions);
}

/**
 * The table image for a stack, role and flavour at the requested runtime version: an exact match,
 * else the next newer version that is still supported on `today` (`YYYY-MM-DD`), else the next
 * newer one, else the newest one. Null when the flavour does not exist for the stack.
 */
export function pickImage(stack: string, role: 'build' | 'final', flavor: string, version: string | null, today?: string): PickedImage | null {
  const candidates = BASE_IMAGES.filter((entry) => entry.stack === stack && entry.role === role && entry.flavor === flavor);
  if (candidates.length === 0) return null;
  if (version === null) {
    const newest = [...candidates].sort((a, b) => compareVersionsSafe(b.version, a.version))[0];
    return { entry: newest, substitute: null };
  }
  const exact = candidates.find((entry) => covers(entry.version, version));
  if (exact) return { entry: exact, substitute: null };
  const sorted = [...candidates].sort((a, b) => compareVersionsSafe(a.version, b.version));
  const newer = sorted.filter((entry) => compareVersionsSafe(entry.version, version) > 0);
  const product = stackProduct(stack);
  const supported = (entry: BaseImageEntry) => {
    const cycle = product && today ? cycleOf(product, entry.version) : null;
    return cycle !== null && isSupported(cycle, today as string);
  };
  // An ended line moves to the line its end-of-life note offers, so the note and the image agree.
  const wanted = product && today ? cycleOf(product, version) : null;
  const offered = product && wanted && !isSupported(wanted, today as string) ? replacementFor(product, wanted, { today, available: candidates.map((entry) => entry.version) }) : null;
  const chosen = (offered && candidates.find((entry) => covers(entry.version, offered.cycle))) ?? newer.find(supported) ?? newer[0] ?? sorted[sorted.length - 1];
  return { entry: chosen, substitute: `no ${stack} ${version} image in the base table; using ${chosen.version}` };
}

function compareVersionsSafe(a: string, b: string): number {
  if (a === 'any' || b === 'any') return a === b ? 0 : a === 'any' ? -1 : 1;
  return compareVersions(a, b);
}

/** Versions the table offers for a stack and flavour, e.g. to say "distroless python is 3.11 only". */
export function tableVersions(stack: string, role: 'build' | 'final', flavor: string): string[] {
  return [...new Set(BASE_IMAGES.filter((e) => e.stack === stack && e.role === role && e.flavor === flavor).map((e) => e.version))];
}

/** `host/path:tag` -> `R/path:tag` for a registry or mirror `R` (host with optional port and path). */
export function mirrorRef(upstream: string, registry: string | null): string {
  if (!registry || upstream === SCRATCH) return upstream;
  const slash = upstream.indexOf('/');
  const first = slash === -1 ? '' : upstream.slice(0, slash);
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
  let path = hasHost ? upstream.slice(slash + 1) : upstream;
  if (!hasHost && !path.includes('/')) path = `library/${path}`;
  return `${registry.replace(/\/+$/, '')}/${path}`;
}

/** The reference a FROM line reads: mirror path when a registry is given, plus the digest when pinned. */
export function fromReference(upstream: string, registry: string | null, digest: string | undefined): string {
  const ref = mirrorRef(upstream, registry);
  return digest ? `${ref}@${digest}` : ref;
}
