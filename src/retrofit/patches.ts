import type { Instruction, Property } from 'dockerfile-ast';
import { parseDockerfileAst } from '../lint/ast.js';
import { structuredPatch, createTwoFilesPatch } from 'diff';
import baseImages from '../generate/base-images.json' with { type: 'json' };
import type { LintFinding } from '../lint/types.js';
import { analyzeDockerfile, instructionText, parseExecForm } from './analyze.js';
import { secretId } from './secrets.js';
import { classifySegment, execForm, installedPackages, needsShell, splitCommand, systemManagerOf, words } from './shell.js';
import { applyHunks, splitLines } from './series.js';
import type { RetrofitPatch } from './types.js';
import { escapeRegExp } from '../text.js';

export interface PatchOptions {
  /** uid:gid the final stage runs as when it has no USER or USER root; default 10001. */
  uid?: number;
  /** Pinned refs for `latest`/untagged bases, by repository (`node` -> `node:22.21.1-bookworm-slim`); defaults from the base image table. */
  pins?: Record<string, string>;
  /** The linter's `--fix` (text -> fixed text), applied after the structural fixes. */
  fix?: (text: string) => string;
  /** The linter, to name the findings each hunk fixes and to refuse fixes that add findings. */
  lint?: (text: string) => LintFinding[];
}

/** Default pins: the newest build/slim tag of each official image in the base image table. */
export function defaultPins(): Record<string, string> {
  const pins: Record<string, string> = {};
  const versionKey = (v: string) => v.split('.').map((n) => n.padStart(4, '0')).join('.');
  const rows = (baseImages as { images: Array<{ role: string; flavor: string; version: string; ref: string }> }).images
    .filter((row) => row.flavor === 'slim' && row.ref.startsWith('docker.io/library/'))
    .sort((a, b) => versionKey(a.version).localeCompare(versionKey(b.version)));
  for (const row of rows) {
    const short = row.ref.replace(/^docker\.io\/library\//, '');
    pins[short.split(':')[0]] = short;
  }
  return pins;
}

interface Change {
  line: number; // 0-based first line of the instruction (or insertion point)
  endLine: number; // 0-based last line replaced; line - 1 for a pure insertion before `line`
  text: string;
  titles: string[];
}

/**
 * The finding-by-finding patch series for an existing Dockerfile: structural fixes (pinned bases,
 * COPY for ADD, LABEL for MAINTAINER, secret mounts for secret ARG/ENV, exec-form commands,
 * package-manager hygiene, a numeric non-root USER) plus the linter's `--fix`, cut into hunks
 * that touch disjoint lines so any subset applies. Pure; never throws.
 */
export function planPatches(text: string, options: PatchOptions = {}): RetrofitPatch[] {
  let target: string;
  let titles: Array<{ line: number; title: string }>;
  try {
    ({ target, titles } = structuralFixes(text, options));
  } catch {
    target = text;
    titles = [];
  }
  if (options.fix) {
    try {
      const fixed = options.fix(target);
      if (!options.lint || options.lint(fixed).length <= options.lint(target).length) target = fixed;
    } catch {
      // A fixer that fails leaves the structural fixes alone.
    }
  }
  if (options.lint) {
    try {
      if (options.lint(target).length > options.lint(text).length) target = text;
    } catch {
      target = text;
    }
  }
  const findings = options.lint ? safeLint(options.lint, text) : [];
  const patch = structuredPatch('Dockerfile', 'Dockerfile', text, target, '', '', { context: 0 });
  const originalLines = splitLines(text);
  const pieces = patch.hunks.flatMap((hunk) => {
    // With no context, an insertion hunk reports the line before it: oldLines === 0.
    const start = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
    const removed = originalLines.lines.slice(start - 1, start - 1 + hunk.oldLines);
    const added = hunk.lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1));
    // Neighbouring instructions changed in place become one hunk each, so each can be taken alone.
    const before = groupInstructions(removed);
    const after = groupInstructions(added);
    if (before.length > 1 && before.length === after.length) {
      let at = start;
      return before.map((group, i) => {
        const piece = { start: at, end: at + group.length, lines: after[i] };
        at += group.length;
        return piece;
      }).filter((piece, i) => before[i].join('\n') !== piece.lines.join('\n'));
    }
    return [{ start, end: start + hunk.oldLines, lines: added }];
  });
  const codeCounts = (list: readonly LintFinding[]) => list.reduce((m, f) => m.set(f.code, (m.get(f.code) ?? 0) + 1), new Map<string, number>());
  const before = codeCounts(findings);
  return pieces.map(({ start, end, lines }, index) => {
    const inRange = (line: number) => line >= start && line < Math.max(end, start + 1);
    const single = applyHunks(originalLines, [{ start, end, lines }]);
    // A hunk is named for the findings it fixes: on its lines, and fewer of them once it is applied alone.
    const after = options.lint && findings.length ? codeCounts(safeLint(options.lint, single)) : before;
    const fixed = findings.filter((f) => inRange(f.line) && (after.get(f.code) ?? 0) < (before.get(f.code) ?? 0));
    const names = [...titles.filter((t) => inRange(t.line)).map((t) => t.title), ...fixed.map((f) => `${f.code}: ${f.message}`)];
    const title = [...new Set(names)].join('; ') || 'lint fix';
    return {
      id: `p${index + 1}-L${start}`,
      title,
      diff: createTwoFilesPatch('Dockerfile', 'Dockerfile', text, single, undefined, undefined, { context: 2 }),
      start,
      end,
      lines,
    };
  });
}

/** Applies the accepted hunks of a patch series to the text it was planned for. Pure. */
export function applyPatches(text: string, acceptedIds: readonly string[], patches: readonly RetrofitPatch[] = planPatches(text)): string {
  const accepted = new Set(acceptedIds);
  return applyHunks(splitLines(text), patches.filter((p) => accepted.has(p.id)));
}

/** Lines grouped per instruction: continuation lines and the comments above stay with it. */
function groupInstructions(lines: string[]): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    current.push(line);
    if (/\\\s*$/.test(line) || /^\s*(#|$)/.test(line)) continue;
    groups.push(current);
    current = [];
  }
  if (current.length) groups.push(current);
  return groups;
}

function safeLint(lint: (text: string) => LintFinding[], text: string): LintFinding[] {
  try {
    return lint(text);
  } catch {
    return [];
  }
}

function structuralFixes(text: string, options: PatchOptions): { target: string; titles: Array<{ line: number; title: string }> } {
  const model = analyzeDockerfile(text);
  if (!model.ok) return { target: text, titles: [] };
  const uid = options.uid ?? 10001;
  const pins = options.pins ?? defaultPins();
  const dockerfile = parseDockerfileAst(text);
  const instructions = dockerfile.getInstructions();
  const changes: Change[] = [];
  // Said in the title of the hunk on that line (0-based), not fixed.
  const warnings: Array<{ line: number; title: string }> = [];
  const edit = (instruction: Instruction, title: string, rewrite: (current: string) => string | null) => {
    const range = instruction.getRange();
    let change = changes.find((c) => c.line === range.start.line && c.endLine === range.end.line);
    const current = change ? change.text : instructionText(text, instruction);
    const next = rewrite(current);
    if (next === null || next === current) return;
    if (!change) {
      change = { line: range.start.line, endLine: range.end.line, text: next, titles: [] };
      changes.push(change);
    }
    change.text = next;
    change.titles.push(title);
  };
  const secretVars = new Map([...model.globalArgs, ...model.variables].filter((v) => v.secret).map((v) => [v.name, v]));
  const usedByRun = new Set<string>();
  const lastStageStart = model.stages[model.stages.length - 1].line - 1;

  for (const instruction of instructions) {
    const keyword = instruction.getKeyword().toUpperCase();
    const args = instruction.getRawArgumentsContent() ?? '';
    if (keyword === 'FROM') {
      const from = instruction as unknown as { getImage(): string | null; getImageName(): string | null; getImageTag(): string | null; getImageDigest(): string | null; getRegistry(): string | null };
      const stage = model.stages.find((s) => s.line === instruction.getRange().start.line + 1);
      const name = from.getImageName() ?? '';
      const pin = pins[name.replace(/^(docker\.io\/)?(library\/)?/, '')];
      if (stage?.unpinned && pin && !from.getRegistry()) {
        edit(instruction, `pin ${stage.image} to ${pin}`, (current) => current.replace(stage.image, pin));
      }
    } else if (keyword === 'ADD') {
      const copy = model.copies.find((c) => c.line === instruction.getRange().start.line + 1);
      if (copy && !copy.remote && !copy.archive) edit(instruction, 'COPY, not ADD, for local files', (current) => current.replace(/^(\s*)ADD\b/i, '$1COPY'));
    } else if (keyword === 'MAINTAINER') {
      edit(instruction, 'MAINTAINER -> LABEL org.opencontainers.image.authors', () => `LABEL org.opencontainers.image.authors=${JSON.stringify(args.trim())}`);
    } else if (keyword === 'ARG' || keyword === 'ENV') {
      const props = (instruction as unknown as { getProperties(): Property[] }).getProperties();
      const secret = props.filter((p) => secretVars.has(p.getName()));
      if (secret.length) {
        const keep = props.filter((p) => !secretVars.has(p.getName()));
        const names = secret.map((p) => p.getName()).join(', ');
        edit(instruction, `no secrets in ${keyword}: ${names}`, () => {
          const note = `# harden-init: ${names} removed from the image: ${keyword === 'ARG' ? 'passed as a build secret' : 'pass it at run time (docker run -e)'}`;
          if (!keep.length) return note;
          return `${note}\n${keyword} ${keep.map((p) => `${p.getName()}${p.getValue() !== null ? `=${p.getValue()}` : ''}`).join(' ')}`;
        });
      }
    } else if (keyword === 'RUN') {
      if (/^\s*(\[|<<)/.test(args)) continue;
      const used = [...secretVars.keys()].filter((n) => new RegExp(`\\$\\{?${n}\\b`).test(args));
      if (used.length) {
        used.forEach((n) => usedByRun.add(n));
        // `git config --global` would write the secret into ~/.gitconfig, in the layer: a throwaway global config instead.
        const gitConfig = /\bgit\s+config\s+--global\b/.test(args) && !/GIT_CONFIG_GLOBAL/.test(args);
        const title = `secret ${used.join(', ')} as a BuildKit secret mount${gitConfig ? ', git config kept out of the image' : ''}`;
        edit(instruction, title, (current) => {
          const mounts = used.map((n) => `--mount=type=secret,id=${secretId(n)}`).join(' ');
          const exports = [...(gitConfig ? ['export GIT_CONFIG_GLOBAL="$(mktemp)" && '] : []), ...used.map((n) => `export ${n}="$(cat /run/secrets/${secretId(n)})" && `)].join('');
          const command = instruction.getRawArgumentsContent() ?? '';
          const at = current.lastIndexOf(command);
          if (at < 0) return null;
          const patched = current.slice(0, at) + `${mounts} ${exports}` + current.slice(at).replace(/^(\s*)/, '');
          return gitConfig ? `${patched.replace(/\s+$/, '')} && rm -f "$GIT_CONFIG_GLOBAL"` : patched;
        });
        for (const file of secretFilesLeft(args, used)) {
          warnings.push({ line: instruction.getRange().start.line, title: `warning: ${used.join(', ')} is written to ${file}, which stays in the image; remove it in the same RUN` });
        }
      }
      edit(instruction, 'no package manager cache or lists left in the layer', (current) => packageHygiene(current));
    } else if ((keyword === 'CMD' || keyword === 'ENTRYPOINT') && parseExecForm(args) === null) {
      const flat = args.replace(/\\\r?\n/g, ' ').trim();
      if (flat && !needsShell(flat)) edit(instruction, `${keyword} in exec form`, () => `${keyword} ${execForm(words(flat))}`);
    } else if (keyword === 'USER' && instruction.getRange().start.line > lastStageStart) {
      const user = model.users.find((u) => u.line === instruction.getRange().start.line + 1);
      const last = model.users.filter((u) => u.line - 1 > lastStageStart).pop();
      if (user && user === last && user.root) edit(instruction, `run as non-root ${uid}:${uid}`, () => `USER ${uid}:${uid}`);
    }
  }
  const finalUsers = model.users.filter((u) => u.line - 1 > lastStageStart);
  const titles: Array<{ line: number; title: string }> = [...warnings];
  if (finalUsers.length === 0) {
    const tail = instructions.filter((i) => i.getRange().start.line > lastStageStart && ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(i.getKeyword().toUpperCase()))[0];
    const at = tail ? tail.getRange().start.line : (instructions[instructions.length - 1]?.getRange().end.line ?? 0) + 1;
    changes.push({ line: at, endLine: at - 1, text: `# harden-init: run as a non-root user, by number\nUSER ${uid}:${uid}`, titles: [`run as non-root ${uid}:${uid}`] });
  }
  const lines = splitLines(text);
  const out = [...lines.lines];
  for (const change of [...changes].sort((a, b) => b.line - a.line || b.endLine - a.endLine)) {
    const first = out[change.line] ?? '';
    const indent = /^\s*/.exec(first)?.[0] ?? '';
    const replacement = change.text.split('\n');
    if (change.endLine >= change.line) {
      const lastLine = out[change.endLine] ?? '';
      const endRange = instructions.find((i) => i.getRange().start.line === change.line)?.getRange().end;
      const rest = endRange ? lastLine.slice(endRange.character) : '';
      replacement[0] = indent + replacement[0].replace(/^\s*/, '');
      replacement[replacement.length - 1] += rest;
    }
    out.splice(change.line, change.endLine - change.line + 1, ...replacement);
    for (const title of change.titles) titles.push({ line: change.line, title });
  }
  void usedByRun;
  const target = out.length ? out.join('\n') + (lines.trailingNewline ? '\n' : '') : text;
  return { target, titles: titles.map((t) => ({ line: t.line + 1, title: t.title })) };
}

/** Files a RUN writes a secret into (`echo "$TOKEN" > file`) and does not remove later in the same RUN. */
export function secretFilesLeft(command: string, secrets: readonly string[]): string[] {
  const files: string[] = [];
  for (const segment of splitCommand(command.replace(/\\\r?\n/g, ' '))) {
    if (!secrets.some((n) => new RegExp(`\\$\\{?${n}\\b`).test(segment.text))) continue;
    const target = /(?:^|[^0-9&>])>>?\s*("?)([^\s"&|;]+)\1/.exec(segment.text)?.[2];
    if (!target || target.startsWith('/dev/')) continue;
    const name = target.replace(/^.*\//, '');
    const removed = new RegExp(`\\brm\\b[^;&|]*${escapeRegExp(name)}`).test(command);
    if (!removed && !files.includes(target)) files.push(target);
  }
  return files;
}

/** Adds the flags and cleanup an install needs so no cache or index stays in the layer. */
export function packageHygiene(instruction: string): string | null {
  const command = instruction.replace(/^\s*RUN\s+((--\S+\s+)*)/i, '');
  const prefix = instruction.slice(0, instruction.length - command.length);
  const segments = splitCommand(command);
  if (!segments.every((s, i) => s.op === '&&' || s.op === ';' || (i === segments.length - 1 && s.op === ''))) return null;
  const kinds = segments.map((s) => classifySegment(s.text));
  if (!kinds.includes('packages')) return null;
  let changed = false;
  const texts = segments.map((s, i) => {
    if (kinds[i] !== 'packages' || installedPackages(s.text).length === 0) return s.text;
    const manager = systemManagerOf(s.text);
    let t = s.text;
    if (manager === 'apt') {
      const yes = /\s(-y|--yes|-qy|-yq|--assume-yes)\b/.test(t);
      if (!/--no-install-recommends/.test(t)) t = t.replace(/\binstall\b/, 'install --no-install-recommends');
      if (!yes) t = t.replace(/\binstall\b/, 'install -y');
    } else if (manager === 'apk') {
      if (!/--no-cache/.test(t)) t = t.replace(/\badd\b/, 'add --no-cache');
    } else if (manager === 'dnf' || manager === 'yum' || manager === 'microdnf') {
      if (!/\s-y\b/.test(t)) t = t.replace(/\binstall\b/, 'install -y');
    }
    changed ||= t !== s.text;
    return t;
  });
  const managers = new Set(segments.filter((_, i) => kinds[i] === 'packages').map((s) => systemManagerOf(s.text)));
  const joined = texts.map((t, i) => t + (segments[i].op ? ` ${segments[i].op}` : '')).join(' \\\n    ');
  let tail = '';
  if (managers.has('apt') && !/\/var\/lib\/apt\/lists/.test(command)) tail += ' \\\n && rm -rf /var/lib/apt/lists/*';
  for (const m of ['dnf', 'yum', 'microdnf'] as const) if (managers.has(m) && !/clean all/.test(command)) tail += ` \\\n && ${m} clean all`;
  if (!changed && !tail) return null;
  const lastOp = segments[segments.length - 1].op;
  return `${prefix}${joined}${lastOp ? '' : ''}${tail}`;
}
