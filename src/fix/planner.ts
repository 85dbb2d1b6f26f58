import { fileDiff } from '../write/diff.js';
import { finalStage, readStages } from '../scan/dockerfile-stages.js';
import type { ScanRecord } from '../scan/record.js';
import { lintKeys, scanKey, type BaseImageInfo, type FindingKey, type FixAction, type FixInputs, type Files } from './types.js';
import { numericUserFromMessage } from '../audit/rules/numeric-user.js';
import { fixedVersion, highestVersion, nextTagInLine, smallerFlavor } from './versions.js';
import { supportedReference } from './supported.js';
import { toDay } from '../eol/table.js';

function diffOf(before: Files, after: Files): string {
  return Object.keys(after)
    .filter((p) => after[p] !== before[p])
    .sort()
    .map((p) => fileDiff(p, before[p] ?? '', after[p]))
    .join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function withFile(files: Files, path: string, text: string): Files {
  return { ...files, [path]: text };
}

/** Replaces the image reference of the FROM lines that use `written`. */
function replaceFrom(text: string, written: string, next: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*FROM\s+(?:--\S+\s+)*)(\S+)(.*)$/i.exec(line);
      return m && m[2] === written ? `${m[1]}${next}${m[3]}` : line;
    })
    .join('\n');
}

/** Image audit findings that a lint rule's fix removes from the rebuilt image (HI201 adds the USER whose absence HI801 reports). */
const AUDIT_FIXED_BY_LINT: Readonly<Record<string, readonly string[]>> = { HI201: ['HI801'] };

/** The built-in audit's findings among the image findings. */
function auditFindings(records: readonly ScanRecord[]): ScanRecord[] {
  return records.filter((r) => r.finding.scanner === 'builtin');
}

function auditKeysFixedBy(code: string, records: readonly ScanRecord[]): { keys: FindingKey[]; ids: string[] } {
  const ids = AUDIT_FIXED_BY_LINT[code] ?? [];
  const hits = auditFindings(records).filter((r) => ids.includes(r.finding.id));
  return { keys: [...new Set(hits.map((r) => scanKey(r.finding)))], ids: [...new Set(hits.map((r) => r.finding.id))] };
}

/**
 * Keys of the `findings` (all of one code) that the Dockerfile `after` no longer has: the fix is
 * re-linted, so only what it really removes is promised.
 */
function lintKeysRemoved(inputs: FixInputs, after: Files, findings: FixInputs['lintFindings']): FindingKey[] {
  if (findings.length === 0 || !inputs.dockerfile) return [];
  const left = inputs.lint(after[inputs.dockerfile], findings[0].file).filter((f) => f.code === findings[0].code).length;
  return lintKeys(findings).slice(left);
}

/** Lint findings -> one action per code the linter can fix. */
function lintActions(inputs: FixInputs): FixAction[] {
  const { dockerfile } = inputs;
  if (!dockerfile || inputs.files[dockerfile] === undefined) return [];
  const byCode = new Map<string, typeof inputs.lintFindings>();
  for (const f of inputs.lintFindings) {
    if (!inputs.fixableCodes.has(f.code)) continue;
    byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  }
  const actions: FixAction[] = [];
  for (const [code, findings] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
    const apply = (files: Files): Files => (files[dockerfile] === undefined ? files : withFile(files, dockerfile, inputs.fixLint(files[dockerfile], [code])));
    const after = apply(inputs.files);
    if (after[dockerfile] === inputs.files[dockerfile]) continue;
    const removedKeys = lintKeysRemoved(inputs, after, findings);
    const removed = removedKeys.length;
    const left = findings.length - removed;
    if (removed <= 0) continue;
    const audit = auditKeysFixedBy(code, inputs.scanRecords);
    actions.push({
      id: `lint:${code}`,
      kind: 'lint-fix',
      title: `${findings[0].fix.replace(/\.$/, '')} (${code}, line${findings.length > 1 ? 's' : ''} ${findings.map((f) => f.line).join(', ')})`,
      why: findings[0].message,
      safe: true,
      apply,
      diff: diffOf(inputs.files, after),
      removes: [...removedKeys, ...audit.keys],
      effect: `removes ${plural(removed, 'lint finding')} (${code})${left > 0 ? `; ${left} need a change by hand` : ''}${audit.keys.length > 0 ? ` and ${plural(audit.keys.length, 'audit finding')} (${audit.ids.join(', ')}) once rebuilt` : ''}`,
      followUp: null,
    });
  }
  return actions;
}

function baseFindings(records: ScanRecord[]): ScanRecord[] {
  return records.filter((r) => r.finding.source === 'base');
}

/** Base image refresh (same tag, new digest), update (next patch/minor) or smaller flavour. */
function baseActions(inputs: FixInputs): FixAction[] {
  const { dockerfile } = inputs;
  if (!dockerfile || inputs.files[dockerfile] === undefined) return [];
  const stages = readStages(inputs.files[dockerfile]);
  const last = finalStage(stages);
  const fromBase = baseFindings(inputs.scanRecords);
  const fixable = fromBase.filter((r) => r.finding.fixedIn !== null);
  const actions: FixAction[] = [];
  const seen = new Set<string>();
  for (const base of inputs.bases) {
    if (seen.has(base.written) || !base.tag) continue;
    seen.add(base.written);
    const isFinal = last !== undefined && last.image === base.written;
    const removes: FindingKey[] = isFinal ? [...new Set(fixable.map((r) => scanKey(r.finding)))] : [];
    const effectScan = isFinal && fromBase.length > 0 ? `; expected to remove up to ${plural(removes.length, 'base-image finding')} that have a fixed version (re-scan verifies)` : '';
    const make = (kind: FixAction['kind'], next: string, title: string, why: string, safe: boolean, effect: string): void => {
      const apply = (files: Files): Files => (files[dockerfile] === undefined ? files : withFile(files, dockerfile, replaceFrom(files[dockerfile], base.written, next)));
      actions.push({ id: `${kind}:${base.written}`, kind, title, why, safe, apply, diff: diffOf(inputs.files, apply(inputs.files)), removes, effect: effect + effectScan, followUp: null });
    };
    const pinned = (tag: string, digest: string | null | undefined) => `${base.repository}:${tag}${base.digest && digest ? `@${digest}` : ''}`;
    const choice = nextTagInLine(base.tag, base.tags);
    if (choice && (!base.digest || base.candidateDigests[choice.tag])) {
      make(
        'base-update',
        pinned(choice.tag, base.candidateDigests[choice.tag]),
        `Update ${base.repository} ${base.tag} -> ${choice.tag}`,
        `a newer ${choice.step} release of the same line is published; it carries the distribution's security updates`,
        choice.step === 'patch',
        `moves the base to ${choice.tag}`,
      );
    } else if (base.digest && base.currentDigest && base.currentDigest !== base.digest) {
      make(
        'base-refresh',
        `${base.repository}:${base.tag}@${base.currentDigest}`,
        `Refresh ${base.repository}:${base.tag} to its current digest`,
        `the tag ${base.tag} was rebuilt upstream (new digest ${base.currentDigest.slice(0, 19)}...), typically with security updates`,
        true,
        'same tag, rebuilt image',
      );
    }
    const flavor = smallerFlavor(base.tag, base.tags);
    if (flavor && isFinal && (!base.digest || base.candidateDigests[flavor.tag])) {
      make(
        'base-flavor',
        pinned(flavor.tag, base.candidateDigests[flavor.tag]),
        `Switch ${base.repository} ${base.tag} -> ${flavor.tag} (smaller flavour)`,
        'a smaller variant ships fewer packages, so fewer can be vulnerable; check that the app still runs on it',
        false,
        `moves the final stage to ${flavor.tag}`,
      );
    }
  }
  return actions;
}

/**
 * Pins every FROM that has a tag but no digest to the digest the registry serves for that tag now
 * (lint HI103), except where a base update is offered (that action moves the line instead).
 */
function pinAction(inputs: FixInputs, offered: readonly FixAction[]): FixAction[] {
  const { dockerfile } = inputs;
  if (!dockerfile || inputs.files[dockerfile] === undefined) return [];
  const updated = new Set(offered.filter((a) => a.kind === 'base-update').map((a) => a.id.slice('base-update:'.length)));
  const pins = inputs.bases.filter((b) => b.tag && !b.digest && b.currentDigest && !updated.has(b.written));
  if (pins.length === 0) return [];
  const apply = (files: Files): Files => {
    const text = files[dockerfile];
    if (text === undefined) return files;
    return withFile(files, dockerfile, pins.reduce((t, b) => replaceFrom(t, b.written, `${b.written}@${b.currentDigest}`), text));
  };
  const removedKeys = lintKeysRemoved(inputs, apply(inputs.files), inputs.lintFindings.filter((f) => f.code === 'HI103'));
  const removed = removedKeys.length;
  const names = pins.map((b) => b.written);
  return [
    {
      id: 'base-pin',
      kind: 'base-pin',
      title: `Pin ${names.slice(0, 2).join(', ')}${names.length > 2 ? `, +${names.length - 2}` : ''} to ${pins.length === 1 ? 'its' : 'their'} current digest`,
      why: 'a tag can be moved to other content at any time; a digest names exactly the image that was tested',
      safe: true,
      apply,
      diff: diffOf(inputs.files, apply(inputs.files)),
      removes: removedKeys,
      effect: `same image as today, pinned${removed > 0 ? `; removes ${plural(removed, 'lint finding')} (HI103)` : ''}`,
      followUp: null,
    },
  ];
}

/**
 * Lint HI113 / audit HI812 (the final image runs on an ended runtime or OS): move the final base, and
 * every other stage on the same image, to the supported lines. Not safe: a new major line can break
 * the app, so it is offered, never applied by `--yes`.
 */
function supportedBaseActions(inputs: FixInputs): FixAction[] {
  const { dockerfile } = inputs;
  if (!dockerfile || inputs.files[dockerfile] === undefined) return [];
  const findings = inputs.lintFindings.filter((f) => f.code === 'HI113');
  const audit = auditFindings(inputs.scanRecords).filter((r) => r.finding.id === 'HI812');
  if (findings.length === 0 && audit.length === 0) return [];
  const stages = readStages(inputs.files[dockerfile]);
  const last = finalStage(stages);
  const names = new Set(stages.map((s) => s.name).filter((n): n is string => n !== null));
  let written = last?.image;
  // `FROM build AS final`: the base is the one the named stage stands on.
  for (let depth = 0; written && names.has(written) && depth < 10; depth++) written = stages.find((s) => s.name === written)?.image;
  if (!written || written === 'scratch') return [];
  const today = toDay(inputs.today);
  const tags = inputs.bases.find((b) => b.written === written)?.tags ?? [];
  const bump = supportedReference(written, today, tags);
  if (!bump) return [];
  const apply = (files: Files): Files => (files[dockerfile] === undefined ? files : withFile(files, dockerfile, replaceFrom(files[dockerfile], written as string, bump.next)));
  const after = apply(inputs.files);
  const lintRemoved = lintKeysRemoved(inputs, after, findings);
  const auditKeys = [...new Set(audit.map((r) => scanKey(r.finding)))];
  const moved = bump.ended.map((e) => `${e.name} ${e.cycle.cycle} -> ${e.replacement?.cycle}`).join(', ');
  return [
    {
      id: `base-supported:${written}`,
      kind: 'base-supported',
      title: `Move ${written.split('@')[0]} to ${bump.next} (${moved})`,
      why: `${bump.ended.map((e) => e.message).join('; ')}: an ended line gets no more security fixes`,
      safe: false,
      apply,
      diff: diffOf(inputs.files, after),
      removes: [...lintRemoved, ...auditKeys],
      effect: [
        lintRemoved.length > 0 ? `removes ${plural(lintRemoved.length, 'lint finding')} (HI113)` : null,
        auditKeys.length > 0 ? `${plural(auditKeys.length, 'audit finding')} (HI812) once rebuilt` : null,
      ]
        .filter(Boolean)
        .join(' and ') || `moves the final base to ${bump.next}`,
      followUp: 'rebuild and test the app on the new line; pin the new base with `harden-init fix` once it builds',
    },
  ];
}

type PackageManagerFamily = 'apt' | 'apk' | null;

function packageManagerOf(image: string, stageRuns: string[], os: string | null): PackageManagerFamily {
  if (/distroless|scratch|chainguard|static/.test(image)) return null;
  if (/alpine/.test(image) || /^alpine/.test(os ?? '') || stageRuns.some((r) => /\bapk\b/.test(r))) return 'apk';
  if (/debian|ubuntu|bookworm|bullseye|trixie|buster|slim|jammy|noble/.test(image) || /^(debian|ubuntu)/.test(os ?? '') || stageRuns.some((r) => /\bapt-get\b/.test(r))) return 'apt';
  return null;
}

/** OS package upgrades: one RUN right after the final stage's FROM, pinned to the fixed versions. */
function osActions(inputs: FixInputs, os: string | null): FixAction[] {
  const { dockerfile } = inputs;
  if (!dockerfile || inputs.files[dockerfile] === undefined) return [];
  const stage = finalStage(readStages(inputs.files[dockerfile]));
  if (!stage) return [];
  const pm = packageManagerOf(stage.image, stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args), os);
  const records = inputs.scanRecords.filter((r) => r.ecosystem === 'os' && r.finding.fixedIn !== null);
  if (!pm || records.length === 0) return [];
  const versions = new Map<string, string[]>();
  for (const r of records) {
    const name = r.finding.package.split('/').pop() as string;
    const v = fixedVersion(r.finding.fixedIn as string);
    if (v) versions.set(name, [...(versions.get(name) ?? []), v]);
  }
  const pins = [...versions].sort(([a], [b]) => a.localeCompare(b)).map(([name, vs]) => `${name}=${highestVersion(vs)}`);
  const run =
    pm === 'apt'
      ? `RUN apt-get update \\\n && apt-get install -y --no-install-recommends --only-upgrade ${pins.join(' ')} \\\n && rm -rf /var/lib/apt/lists/*`
      : `RUN apk add --no-cache --upgrade ${pins.join(' ')}`;
  const comment = '# Security updates the base image does not carry yet (harden-init fix)';
  const apply = (files: Files): Files => {
    const text = files[dockerfile];
    if (text === undefined || text.includes(comment)) return files;
    const current = finalStage(readStages(text));
    if (!current) return files;
    const lines = text.split('\n');
    lines.splice(current.line, 0, comment, run);
    return withFile(files, dockerfile, lines.join('\n'));
  };
  return [
    {
      id: 'os-upgrade',
      kind: 'os-upgrade',
      title: `Upgrade ${plural(pins.length, 'OS package')} in the final stage (${[...versions.keys()].slice(0, 4).join(', ')}${versions.size > 4 ? ', ...' : ''})`,
      why: 'the scan found fixed versions of these distribution packages that the base image does not have yet',
      safe: true,
      apply,
      diff: diffOf(inputs.files, apply(inputs.files)),
      removes: [...new Set(records.map((r) => scanKey(r.finding)))],
      effect: `removes ${plural(new Set(records.map((r) => scanKey(r.finding))).size, 'scan finding')} in OS packages`,
      followUp: null,
    },
  ];
}

const SETUID_COMMENT = '# No setuid/setgid files: nothing runs with its owner\'s rights whoever starts it (harden-init fix)';
const SETUID_RUN = 'RUN find / -xdev \\( -perm -4000 -o -perm -2000 \\) -type f -exec chmod a-s {} +';

/**
 * Audit HI803 (setuid/setgid files): drop the bits in the final stage, as generated Dockerfiles do.
 * Only where the final stage has a shell and `find` (a Debian or Alpine family base); the RUN goes
 * before the stage's first USER (it needs root), else before CMD/ENTRYPOINT, else at the end.
 */
function setuidActions(inputs: FixInputs, os: string | null): FixAction[] {
  const { dockerfile } = inputs;
  if (!dockerfile || inputs.files[dockerfile] === undefined) return [];
  const records = auditFindings(inputs.scanRecords).filter((r) => r.finding.id === 'HI803');
  if (records.length === 0) return [];
  const stage = finalStage(readStages(inputs.files[dockerfile]));
  if (!stage || !packageManagerOf(stage.image, stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args), os)) return [];
  const apply = (files: Files): Files => {
    const text = files[dockerfile];
    if (text === undefined || text.includes(SETUID_RUN)) return files;
    const current = finalStage(readStages(text));
    if (!current) return files;
    const anchor =
      current.instructions.find((i) => i.keyword === 'USER') ??
      current.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    const lines = text.split('\n');
    if (anchor) lines.splice(anchor.line - 1, 0, SETUID_COMMENT, SETUID_RUN);
    else {
      const end = current.instructions.length > 0 ? current.instructions[current.instructions.length - 1].endLine : current.line;
      lines.splice(end, 0, SETUID_COMMENT, SETUID_RUN);
    }
    return withFile(files, dockerfile, lines.join('\n'));
  };
  const keys = [...new Set(records.map((r) => scanKey(r.finding)))];
  const paths = records.map((r) => r.path ?? r.finding.package);
  return [
    {
      id: 'audit:HI803',
      kind: 'audit-fix',
      title: `Drop setuid/setgid bits in the final stage (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', ...' : ''})`,
      why: 'a setuid or setgid file runs with its owner\'s rights whoever starts it: one bug in it is a privilege escalation',
      safe: true,
      apply,
      diff: diffOf(inputs.files, apply(inputs.files)),
      removes: keys,
      effect: `removes ${plural(keys.length, 'audit finding')} (HI803) once rebuilt`,
      followUp: null,
    },
  ];
}

/**
 * Audit HI802 (the image user is a name): the final stage's USER by name becomes the uid:gid the
 * image's /etc/passwd (and /etc/group) give it. Only where the audit found both numbers and the
 * final stage sets that user itself; a user inherited from the base is left to HI201's USER.
 */
function numericUserActions(inputs: FixInputs): FixAction[] {
  const { dockerfile } = inputs;
  if (!dockerfile || inputs.files[dockerfile] === undefined) return [];
  const record = auditFindings(inputs.scanRecords).find((r) => r.finding.id === 'HI802');
  const numeric = record ? numericUserFromMessage(record.finding.title) : null;
  if (!record || !numeric) return [];
  const namedUser = (text: string) => {
    const users = finalStage(readStages(text))?.instructions.filter((i) => i.keyword === 'USER') ?? [];
    const last = users[users.length - 1];
    return last && !/^\d+(:\d+)?$/.test(last.args.trim()) && last.line === last.endLine ? last : undefined;
  };
  const user = namedUser(inputs.files[dockerfile]);
  if (!user) return [];
  const apply = (files: Files): Files => {
    const text = files[dockerfile];
    const current = text === undefined ? undefined : namedUser(text);
    if (text === undefined || !current) return files;
    const lines = text.split('\n');
    lines[current.line - 1] = lines[current.line - 1].replace(/^(\s*USER\s+).*$/i, `$1${numeric}`);
    return withFile(files, dockerfile, lines.join('\n'));
  };
  const after = apply(inputs.files);
  const lintRemoved = lintKeysRemoved(inputs, after, inputs.lintFindings.filter((f) => f.code === 'HI203'));
  return [
    {
      id: 'audit:HI802',
      kind: 'audit-fix',
      title: `Run as USER ${numeric}, the numbers of the image's user (line ${user.line})`,
      why: 'a user given by name cannot be checked for root before the container starts (Kubernetes runAsNonRoot refuses it)',
      safe: true,
      apply,
      diff: diffOf(inputs.files, after),
      removes: [...lintRemoved, scanKey(record.finding)],
      effect: `removes ${lintRemoved.length > 0 ? `${plural(lintRemoved.length, 'lint finding')} (HI203) and ` : ''}1 audit finding (HI802) once rebuilt`,
      followUp: null,
    },
  ];
}

const NPM = new Set(['npm', 'node', 'node-pkg', 'javascript', 'yarn', 'pnpm']);
const PIP = new Set(['pip', 'python', 'python-pkg', 'pipenv', 'poetry', 'uv']);

function bumpPackageJson(text: string, bumps: Map<string, string>, overridesKey: 'overrides' | 'resolutions'): string {
  const json = JSON.parse(text) as Record<string, unknown>;
  const sections = ['dependencies', 'devDependencies', 'optionalDependencies'];
  for (const [name, version] of bumps) {
    let direct = false;
    for (const section of sections) {
      const deps = json[section] as Record<string, string> | undefined;
      if (deps && typeof deps[name] === 'string') {
        const prefix = /^[~^]/.exec(deps[name])?.[0] ?? (/^\d/.test(deps[name]) ? '' : '^');
        deps[name] = `${prefix}${version}`;
        direct = true;
      }
    }
    if (!direct) {
      const overrides = (json[overridesKey] as Record<string, string> | undefined) ?? {};
      overrides[name] = `^${version}`;
      json[overridesKey] = overrides;
    }
  }
  const indent = /^(\s+)"/m.exec(text)?.[1] ?? '  ';
  return `${JSON.stringify(json, null, indent)}${text.endsWith('\n') ? '\n' : ''}`;
}

function bumpRequirements(text: string, bumps: Map<string, string>): string {
  const lines = text.split('\n');
  for (const [name, version] of bumps) {
    const norm = (s: string) => s.toLowerCase().replace(/[-_.]+/g, '-');
    const i = lines.findIndex((l) => {
      const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l);
      return m !== null && norm(m[1]) === norm(name);
    });
    if (i >= 0) lines[i] = lines[i].replace(/^(\s*[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?)\s*(==|>=|~=|<=|!=|>|<)?\s*[^\s;#]*/, (_, pkg: string, op?: string) => `${pkg}${op === '==' ? '==' : '>='}${version}`);
    else {
      if (lines.length > 0 && lines[lines.length - 1] === '') lines.splice(lines.length - 1, 0, `${name}>=${version}`);
      else lines.push(`${name}>=${version}`);
    }
  }
  return lines.join('\n');
}

/** Language dependency bumps where the scan knows the fixed version; shown as a manifest change. */
function dependencyActions(inputs: FixInputs): FixAction[] {
  const actions: FixAction[] = [];
  const app = inputs.scanRecords.filter((r) => r.finding.source === 'app' && r.finding.fixedIn !== null && r.ecosystem !== 'os');
  const collect = (family: Set<string>, pathHint: RegExp) => {
    const bumps = new Map<string, string[]>();
    const keys: FindingKey[] = [];
    for (const r of app) {
      const eco = (r.ecosystem ?? '').toLowerCase();
      if (!family.has(eco) && !pathHint.test(r.path ?? '')) continue;
      const v = fixedVersion(r.finding.fixedIn as string);
      if (!v) continue;
      bumps.set(r.finding.package, [...(bumps.get(r.finding.package) ?? []), v]);
      keys.push(scanKey(r.finding));
    }
    return { bumps: new Map([...bumps].map(([name, vs]) => [name, highestVersion(vs)])), keys: [...new Set(keys)] };
  };
  const manifestAction = (path: string, bumps: Map<string, string>, keys: FindingKey[], edit: (text: string) => string, followUp: string): void => {
    if (bumps.size === 0 || inputs.files[path] === undefined) return;
    const apply = (files: Files): Files => (files[path] === undefined ? files : withFile(files, path, edit(files[path])));
    actions.push({
      id: `deps:${path}`,
      kind: 'dependency-bump',
      title: `Bump ${plural(bumps.size, 'dependency')} in ${path} (${[...bumps].slice(0, 3).map(([n, v]) => `${n} -> ${v}`).join(', ')}${bumps.size > 3 ? ', ...' : ''})`,
      why: 'the scan names a fixed version for these packages; the change raises the minimum so the next install picks it up',
      safe: false,
      apply,
      diff: diffOf(inputs.files, apply(inputs.files)),
      removes: keys,
      effect: `removes ${plural(keys.length, 'scan finding')} once the lockfile is refreshed and the image rebuilt`,
      followUp,
    });
  };
  const npm = collect(NPM, /package(-lock)?\.json|yarn\.lock|pnpm-lock|node_modules/);
  const overridesKey = inputs.files['yarn.lock'] !== undefined ? 'resolutions' : 'overrides';
  manifestAction('package.json', npm.bumps, npm.keys, (t) => bumpPackageJson(t, npm.bumps, overridesKey), inputs.files['yarn.lock'] !== undefined ? 'run `yarn install` to update yarn.lock' : 'run `npm install` to update package-lock.json');
  const pip = collect(PIP, /requirements.*\.txt|site-packages|\.dist-info/);
  manifestAction('requirements.txt', pip.bumps, pip.keys, (t) => bumpRequirements(t, pip.bumps), 'reinstall (`pip install -r requirements.txt`) and re-run your tests');
  return actions;
}

/**
 * Groups findings into remediation actions, each with why, the exact change (a unified diff) and the
 * findings it should remove. Pure: every input (files, findings, registry tags) is given.
 */
export function planFixes(inputs: FixInputs, os: string | null = null): FixAction[] {
  const bases = baseActions(inputs);
  return [...bases, ...supportedBaseActions(inputs), ...pinAction(inputs, bases), ...osActions(inputs, os), ...dependencyActions(inputs), ...setuidActions(inputs, os), ...numericUserActions(inputs), ...lintActions(inputs)];
}

/** Applies the chosen actions in plan order; each sees the previous ones' result. */
export function applyActions(files: Files, actions: readonly FixAction[]): Files {
  return actions.reduce((current, action) => action.apply(current), files);
}

export { bumpPackageJson, bumpRequirements, replaceFrom };
export type { BaseImageInfo };
