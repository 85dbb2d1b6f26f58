import { compareVersions } from '../detect/versions.js';
import { imageNames } from '../eol/image-ref.js';
import { endOfLife, type EndOfLife } from '../eol/status.js';

export interface SupportedReference {
  /** The reference to write instead (tag only: a bumped line has no digest yet). */
  next: string;
  /** What ended, one sentence each (runtime, then OS). */
  ended: EndOfLife[];
}

function splitWritten(written: string): { repository: string; tag: string | null } {
  const nameTag = written.split('@')[0];
  const colon = nameTag.lastIndexOf(':');
  const hasTag = colon > nameTag.lastIndexOf('/');
  return { repository: hasTag ? nameTag.slice(0, colon) : nameTag, tag: hasTag ? nameTag.slice(colon + 1) : null };
}

const DEBIAN_CODENAMES = /(stretch|buster|bullseye|bookworm|trixie)/;
const UBUNTU_CODENAMES = /(bionic|focal|jammy|noble)/;

/** The tag's leading version replaced by `cycle` (`18.20.4-bookworm-slim` -> `22-bookworm-slim`), keeping a `debian-`/`alpine-` prefix. */
function withVersion(tag: string, cycle: string): string {
  return tag.replace(/^((?:[a-z]+-)?v?)\d+(?:\.\d+)*/, `$1${cycle}`);
}

/**
 * The same image on supported lines: the runtime version and the OS release that have reached their
 * end of life are moved to the line `endOfLife` offers (`node:18-bullseye-slim` -> `node:24-trixie-slim`,
 * `gcr.io/distroless/nodejs18-debian11` -> `nodejs24-debian13`). When the registry's tags are known,
 * the new tag must be among them (its highest patch is taken); null when nothing has ended or no
 * supported tag can be named.
 */
export function supportedReference(written: string, today: string, tags: readonly string[] = []): SupportedReference | null {
  let { repository, tag } = splitWritten(written);
  const names = imageNames(written);
  const ended: EndOfLife[] = [];
  const runtime = names.runtime ? endOfLife(names.runtime.product, names.runtime.version, { today }) : null;
  const os = names.os ? endOfLife(names.os.product, names.os.version, { today }) : null;
  if (runtime?.replacement) {
    const cycle = runtime.replacement.cycle;
    ended.push(runtime);
    if (/distroless\/(nodejs|java)\d+-/.test(repository)) repository = repository.replace(/(distroless\/(?:nodejs|java))\d+-/, `$1${cycle}-`);
    // maven:3.9-eclipse-temurin-17, gradle:8-jdk17: the JDK is named after the build tool's version.
    else if (tag && /(?:^|\/)(maven|gradle)$/.test(repository)) tag = tag.replace(/((?:temurin|jdk|openjdk|corretto)-?)\d+/, `$1${cycle}`);
    else if (tag) tag = withVersion(tag, cycle);
  }
  if (os?.replacement) {
    const next = os.replacement;
    ended.push(os);
    const name = repository.split('/').pop() ?? '';
    if (/distroless\/[\w.-]+-debian\d+$/.test(repository)) repository = repository.replace(/-debian\d+$/, `-debian${next.cycle}`);
    else if (tag && (name === 'debian' || name === 'alpine' || name === 'ubuntu')) tag = DEBIAN_CODENAMES.test(tag) || UBUNTU_CODENAMES.test(tag) ? tag.replace(/^[a-z]+/, next.codename ?? next.cycle) : withVersion(tag, next.cycle);
    else if (tag && os.product === 'debian') tag = tag.replace(DEBIAN_CODENAMES, next.codename ?? '$1').replace(/debian-?(\d+)/, (m, n: string) => m.replace(n, next.cycle));
    else if (tag && os.product === 'alpine') tag = tag.replace(/alpine\d+\.\d+/, `alpine${next.cycle}`);
    else if (tag && os.product === 'ubuntu') tag = tag.replace(UBUNTU_CODENAMES, next.codename ?? '$1');
  }
  if (ended.length === 0) return null;
  const original = splitWritten(written);
  if (tag && tags.length > 0 && repository === original.repository && !tags.includes(tag)) {
    // The registry names its tags with full versions: take the highest patch of the new line with the same suffix.
    const head = /^((?:[a-z]+-)?v?)(\d+(?:\.\d+)*)(.*)$/.exec(tag);
    const found = head
      ? tags
          .map((t) => ({ t, m: /^((?:[a-z]+-)?v?)(\d+(?:\.\d+)*)(.*)$/.exec(t) }))
          .filter(({ m }) => m && m[1] === head[1] && m[3] === head[3] && (m[2] === head[2] || m[2].startsWith(`${head[2]}.`)))
          .sort((a, b) => compareVersions(b.m![2], a.m![2]))[0]?.t
      : undefined;
    if (!found) return null;
    tag = found;
  }
  const next = tag ? `${repository}:${tag}` : repository;
  return next === written.split('@')[0] ? null : { next, ended };
}
