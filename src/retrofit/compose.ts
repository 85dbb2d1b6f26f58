import { createTwoFilesPatch } from 'diff';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';

export interface ComposeHints {
  /** The Dockerfile services must build from to be hardened (relative to the compose file); default `Dockerfile`. */
  dockerfile?: string;
  /** Numeric uid (and gid) for `user`; default 10001. */
  uid?: number;
  /** Writable directories, mounted as tmpfs; default ['/tmp']. */
  writableDirs?: string[];
  /** Harden only these services (default: every service that builds the Dockerfile). */
  services?: string[];
}

export interface ComposeSuggestion {
  text: string;
  /** Unified diff from the original; '' when nothing changes. */
  diff: string;
  services: string[];
  /** Settings left as the user has them, with why. */
  kept: string[];
}

function buildsDockerfile(service: YAMLMap, dockerfile: string): boolean {
  const build = service.get('build', true);
  if (build === undefined || build === null) return false;
  const wanted = dockerfile.replace(/^\.\//, '');
  if (typeof build === 'object' && 'value' in (build as object) && typeof (build as { value: unknown }).value === 'string') {
    const context = String((build as { value: string }).value).replace(/^\.\/?$/, '').replace(/^\.\//, '').replace(/\/$/, '');
    return (context ? `${context}/Dockerfile` : 'Dockerfile') === wanted;
  }
  if (isMap(build)) {
    const file = build.get('dockerfile');
    const context = String(build.get('context') ?? '.').replace(/^\.\/?$/, '').replace(/\/$/, '');
    const path = typeof file === 'string' ? file.replace(/^\.\//, '') : 'Dockerfile';
    return path === wanted || (context ? `${context}/${path}` : path) === wanted;
  }
  return false;
}

/**
 * Suggests runtime hardening for the compose services that build the Dockerfile: read_only,
 * cap_drop ALL, no-new-privileges, a numeric user and tmpfs for writable dirs. Keeps the file's
 * comments and the user's explicit choices; returns the new text and its diff. Pure; a file that
 * is not YAML yields no change.
 */
export function suggestComposeHardening(composeText: string, hints: ComposeHints = {}, fileName = 'compose.yaml'): ComposeSuggestion {
  const uid = hints.uid ?? 10001;
  const writable = hints.writableDirs ?? ['/tmp'];
  const result: ComposeSuggestion = { text: composeText, diff: '', services: [], kept: [] };
  const doc = parseDocument(composeText);
  if (doc.errors.length) return result;
  const services = doc.get('services');
  if (!isMap(services)) return result;
  for (const pair of services.items) {
    const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const service = pair.value;
    if (!isMap(service)) continue;
    if (hints.services ? !hints.services.includes(name) : !buildsDockerfile(service, hints.dockerfile ?? 'Dockerfile')) continue;
    result.services.push(name);
    if (service.has('read_only')) {
      if (service.get('read_only') !== true) result.kept.push(`${name}: read_only is set to ${String(service.get('read_only'))}`);
    } else service.set('read_only', true);
    const capDrop = service.get('cap_drop');
    if (isSeq(capDrop)) {
      if (!capDrop.items.some((item) => String((item as { value?: unknown }).value ?? item).toUpperCase() === 'ALL')) capDrop.add('ALL');
    } else if (!service.has('cap_drop')) service.set('cap_drop', doc.createNode(['ALL'], { flow: false }));
    const securityOpt = service.get('security_opt');
    if (isSeq(securityOpt)) {
      if (!securityOpt.items.some((item) => /no-new-privileges/.test(String((item as { value?: unknown }).value ?? item)))) securityOpt.add('no-new-privileges:true');
    } else if (!service.has('security_opt')) service.set('security_opt', doc.createNode(['no-new-privileges:true']));
    if (service.has('user')) {
      const user = String(service.get('user'));
      if (/^(0|root)(:|$)/.test(user)) result.kept.push(`${name}: user is ${user} (root); set it to "${uid}:${uid}"`);
    } else service.set('user', `${uid}:${uid}`);
    const tmpfs = service.get('tmpfs');
    if (isSeq(tmpfs)) {
      for (const dir of writable) if (!tmpfs.items.some((item) => String((item as { value?: unknown }).value ?? item).split(':')[0] === dir)) tmpfs.add(dir);
    } else if (!service.has('tmpfs') && writable.length) service.set('tmpfs', doc.createNode(writable));
  }
  const text = doc.toString();
  if (text !== composeText && result.services.length) {
    result.text = text;
    result.diff = createTwoFilesPatch(fileName, fileName, composeText, text, undefined, undefined, { context: 3 });
  }
  return result;
}
