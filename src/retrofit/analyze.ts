import type { Instruction, From, Property } from 'dockerfile-ast';
import { parseDockerfileAst } from '../lint/ast.js';
import { escapeRegExp } from '../text.js';
import { secretReason } from './secrets.js';
import { classifySegment, installedPackages, needsShell, referencedVariables, splitCommand, systemManagerOf, words } from './shell.js';
import type { CommandModel, CopyModel, DockerfileModel, StageModel, VariableModel } from './types.js';

/** Exec-form words when the arguments are a JSON array of strings (as Docker decides), else null. */
export function parseExecForm(raw: string): string[] | null {
  const text = raw.replace(/\\\r?\n/g, ' ').trim();
  if (!text.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((word) => typeof word === 'string') ? (value as string[]) : null;
  } catch {
    return null;
  }
}

/** The instruction text exactly as written, continuation lines included. */
export function instructionText(text: string, instruction: Instruction): string {
  const lines = text.split('\n');
  const range = instruction.getRange();
  const out = lines.slice(range.start.line, range.end.line + 1);
  out[out.length - 1] = out[out.length - 1].slice(0, range.end.line === range.start.line ? range.end.character : range.end.character);
  out[0] = out[0].slice(range.start.character);
  return out.join('\n').replace(/\r$/, '');
}

function flag(instruction: Instruction, name: string): string | null {
  const flags = (instruction as unknown as { getFlags?: () => Array<{ getName(): string; getValue(): string | null }> }).getFlags?.() ?? [];
  const found = flags.find((f) => f.getName() === name);
  return found ? (found.getValue() ?? '') : null;
}

function properties(instruction: Instruction): Property[] {
  const get = (instruction as unknown as { getProperties?: () => Property[] }).getProperties;
  return get ? get.call(instruction) : [];
}

function unquote(value: string | null): string | null {
  if (value === null) return null;
  const m = /^"(.*)"$/s.exec(value) ?? /^'(.*)'$/s.exec(value);
  return m ? m[1] : value;
}

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;

/**
 * Reads an existing Dockerfile into a model of what it does: stages and bases, packages, ARG/ENV
 * split into secrets and config, ports, CMD/ENTRYPOINT, copies, users, health checks and the
 * custom steps that are neither installs nor copies. Never throws on malformed input.
 */
export function analyzeDockerfile(text: string): DockerfileModel {
  const model: DockerfileModel = {
    ok: false,
    globalArgs: [],
    stages: [],
    packages: [],
    variables: [],
    ports: [],
    commands: [],
    copies: [],
    users: [],
    healthchecks: [],
    custom: [],
    dependencySteps: [],
    buildSteps: [],
    userSetup: [],
    labels: [],
    maintainer: null,
    directives: [],
  };
  let dockerfile;
  try {
    dockerfile = parseDockerfileAst(text);
  } catch {
    return model;
  }
  for (const directive of dockerfile.getDirectives()) {
    model.directives.push({ name: directive.getName() ?? '', value: directive.getValue() ?? '' });
  }
  const secretNames = new Set<string>();
  let stage = -1;
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const line = instruction.getRange().start.line + 1;
    const raw = instructionText(text, instruction);
    const args = instruction.getRawArgumentsContent() ?? '';
    if (keyword === 'FROM') {
      stage++;
      model.stages.push(readStage(instruction as From, stage, line, model.stages));
      continue;
    }
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const property of properties(instruction)) {
        const name = property.getName();
        const value = unquote(property.getValue());
        const reason = secretReason(name, value);
        const variable: VariableModel = { kind: keyword, stage: stage < 0 ? null : stage, line, name, value, secret: reason !== null, reason };
        if (reason) secretNames.add(name);
        (stage < 0 ? model.globalArgs : model.variables).push(variable);
      }
      continue;
    }
    if (stage < 0) continue;
    switch (keyword) {
      case 'RUN':
        readRun(model, instruction, stage, line, raw, args, secretNames);
        break;
      case 'COPY':
      case 'ADD':
        model.copies.push(readCopy(instruction, keyword, stage, line));
        break;
      case 'EXPOSE':
        for (const word of instruction.getArguments()) model.ports.push({ stage, line, port: word.getValue() });
        break;
      case 'CMD':
      case 'ENTRYPOINT':
        model.commands.push(readCommand(keyword, stage, line, args));
        break;
      case 'USER': {
        const user = args.trim();
        const name = user.split(':')[0];
        model.users.push({ stage, line, user, numeric: /^\d+(:\d+)?$/.test(user), root: name === 'root' || name === '0' });
        break;
      }
      case 'HEALTHCHECK':
        model.healthchecks.push({ stage, line, none: /^\s*NONE\s*$/i.test(args), text: raw });
        break;
      case 'WORKDIR':
        model.stages[stage].workdir = resolveWorkdir(model.stages[stage].workdir, args.trim());
        break;
      case 'MAINTAINER':
        model.maintainer = { line, value: args.trim() };
        break;
      case 'LABEL':
        for (const property of properties(instruction)) {
          model.labels.push({ stage, line, name: unquote(property.getName()) ?? '', value: unquote(property.getValue()) ?? '' });
        }
        break;
      default:
        model.custom.push({ stage, line, keyword, text: raw, secrets: referencedVariables(args).filter((n) => secretNames.has(n)), commands: [] });
    }
  }
  const last = model.stages.length - 1;
  if (last >= 0) model.stages[last].isFinal = true;
  model.ok = model.stages.length > 0;
  return model;
}

function resolveWorkdir(previous: string | null, dir: string): string {
  const clean = unquote(dir) ?? dir;
  if (clean.startsWith('/') || !previous) return clean.startsWith('/') ? clean : `/${clean}`;
  return `${previous.replace(/\/$/, '')}/${clean}`;
}

function readStage(from: From, index: number, line: number, earlier: StageModel[]): StageModel {
  const image = from.getImage() ?? '';
  const name = from.getBuildStage();
  const registry = from.getRegistry();
  const repository = from.getImageName() ?? image;
  const tag = from.getImageTag();
  const digest = from.getImageDigest();
  const lowered = image.toLowerCase();
  const fromStageIndex = earlier.findIndex((s) => s.name !== null && s.name.toLowerCase() === lowered);
  const variable = image.includes('$');
  const unpinned = fromStageIndex < 0 && !variable && lowered !== 'scratch' && digest === null && (tag === null || tag === 'latest');
  return {
    index,
    name,
    image,
    registry,
    repository: registry ? repository.replace(new RegExp(`^${escapeRegExp(registry)}/`), '') : repository,
    tag,
    digest,
    platform: flag(from, 'platform'),
    fromStage: fromStageIndex < 0 ? null : fromStageIndex,
    unpinned,
    line,
    workdir: fromStageIndex < 0 ? null : earlier[fromStageIndex].workdir,
    isFinal: false,
  };
}

function readCopy(instruction: Instruction, kind: 'COPY' | 'ADD', stage: number, line: number): CopyModel {
  const exec = parseExecForm(instruction.getRawArgumentsContent() ?? '');
  const list = exec ?? instruction.getArguments().map((a) => a.getValue());
  const sources = list.slice(0, -1);
  const dest = list[list.length - 1] ?? '';
  const remote = kind === 'ADD' && sources.some((s) => /^(https?|git):\/\//i.test(s) || /^git@/.test(s) || /\.git(#.*)?$/.test(s));
  return {
    kind,
    stage,
    line,
    sources,
    dest,
    from: flag(instruction, 'from'),
    chown: flag(instruction, 'chown'),
    chmod: flag(instruction, 'chmod'),
    remote,
    archive: kind === 'ADD' && !remote && sources.some((s) => ARCHIVE.test(s)),
  };
}

function readCommand(kind: 'CMD' | 'ENTRYPOINT', stage: number, line: number, args: string): CommandModel {
  const exec = parseExecForm(args);
  if (exec) return { kind, stage, line, form: 'exec', args: exec, text: exec.join(' '), needsShell: false };
  const text = args.replace(/\\\r?\n/g, ' ').trim();
  const shell = needsShell(text);
  return { kind, stage, line, form: 'shell', args: shell ? [] : words(text), text, needsShell: shell };
}

function readRun(
  model: DockerfileModel,
  instruction: Instruction,
  stage: number,
  line: number,
  raw: string,
  args: string,
  secretNames: Set<string>,
): void {
  // Docker drops comment lines inside a continued instruction; a re-joined command must too.
  args = args.split('\n').filter((line, index) => index === 0 || !/^\s*#/.test(line)).join('\n');
  const secrets = referencedVariables(args).filter((n) => secretNames.has(n));
  const secretMounts = existingSecretMounts(raw);
  const before = { custom: model.custom.length, deps: model.dependencySteps.length };
  readRunSegments(model, stage, line, raw, args, secrets, secretNames);
  if (secretMounts.length) {
    for (const step of [...model.custom.slice(before.custom), ...model.dependencySteps.slice(before.deps)]) step.secretMounts = secretMounts;
  }
}

/** Secret mounts already on a RUN (as in a file harden-init wrote before): they must survive a re-run. */
function existingSecretMounts(raw: string): string[] {
  return [...raw.matchAll(/--mount=(\S*type=secret\S*)/g)].map((m) => `--mount=${m[1]}`);
}

function readRunSegments(
  model: DockerfileModel,
  stage: number,
  line: number,
  raw: string,
  args: string,
  secrets: string[],
  secretNames: Set<string>,
): void {
  if (/^\s*(\[|<<)/.test(args) || /<<-?\s*['"]?[A-Za-z_]+/.test(args)) {
    model.custom.push({ stage, line, keyword: 'RUN', text: raw, secrets, commands: [args] });
    return;
  }
  const segments = splitCommand(args);
  const simpleChain = segments.every((s, i) => s.op === '&&' || s.op === ';' || (i === segments.length - 1 && s.op === ''));
  const kinds = segments.map((s) => classifySegment(s.text));
  if (!simpleChain) {
    // Pipes and `||` tie commands together: keep the RUN whole, but still record its packages.
    for (const [i, s] of segments.entries()) {
      if (kinds[i] === 'packages') model.packages.push({ stage, line, manager: systemManagerOf(s.text) ?? 'apt', packages: installedPackages(s.text), cleansUp: cleansUp(segments.map((x) => x.text)) });
    }
    model.custom.push({ stage, line, keyword: 'RUN', text: raw, secrets, commands: segments.map((s) => s.text) });
    return;
  }
  const texts = segments.map((s) => s.text);
  for (const [i, s] of segments.entries()) {
    if (kinds[i] === 'packages') {
      model.packages.push({ stage, line, manager: systemManagerOf(s.text) ?? 'apt', packages: installedPackages(s.text), cleansUp: cleansUp(texts) });
    }
  }
  if (kinds.includes('dependencies')) {
    const first = kinds.indexOf('dependencies');
    const lastDep = kinds.lastIndexOf('dependencies');
    const keep = (i: number) => kinds[i] === 'custom';
    model.dependencySteps.push({
      stage,
      line,
      before: texts.slice(0, first).filter((_, i) => keep(i)),
      after: texts.slice(lastDep + 1).filter((_, i) => keep(lastDep + 1 + i)),
      installs: texts.filter((_, i) => kinds[i] === 'dependencies'),
      secrets,
    });
    return;
  }
  const builds = texts.filter((_, i) => kinds[i] === 'app-build');
  if (builds.length) {
    const outputs = builds.flatMap((b) => {
      const argv = words(b);
      return argv.flatMap((word, i) => (word === '-o' && argv[i + 1] ? [argv[i + 1]] : word.startsWith('-o=') ? [word.slice(3)] : []));
    });
    model.buildSteps.push({ stage, line, commands: builds, outputs });
  }
  const userSetup = texts.filter((_, i) => kinds[i] === 'user-setup');
  if (userSetup.length) model.userSetup.push({ stage, line, text: userSetup.join(' && ') });
  const custom = texts.filter((_, i) => kinds[i] === 'custom');
  if (custom.length) {
    model.custom.push({ stage, line, keyword: 'RUN', text: `RUN ${custom.join(' && ')}`, secrets: referencedVariables(custom.join(' ')).filter((n) => secretNames.has(n)), commands: custom });
  }
}

function cleansUp(texts: string[]): boolean {
  return texts.some((t) => /\/var\/lib\/apt\/lists|--no-cache|clean\s+all|\/var\/cache\/(apk|yum|dnf)/.test(t));
}
