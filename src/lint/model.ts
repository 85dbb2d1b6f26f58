import type { Dockerfile, Instruction, Onbuild } from 'dockerfile-ast';
import { parseDockerfileAst } from './ast.js';
import { parseShell, type ShellScript } from './shell/index.js';

export interface InstrFlag {
  name: string;
  value: string | null;
}

/** One Dockerfile instruction, flattened from the parser's tree. Lines are 1-based. */
export interface Instr {
  /** Upper-case keyword (`RUN`); for an ONBUILD trigger, the trigger's keyword. */
  keyword: string;
  /** The keyword as written (casing kept). */
  written: string;
  line: number;
  endLine: number;
  column: number;
  /** Arguments with continuations and comment lines removed ('' when none). */
  text: string;
  /** The raw arguments as written, and their offset in the file. */
  raw: string;
  rawStart: number;
  /** Offsets of the whole instruction in the file. */
  start: number;
  end: number;
  flags: InstrFlag[];
  /** Argument words after the flags. */
  args: string[];
  /** Exec (JSON array) form, or null for shell form. */
  exec: string[] | null;
  /** An ONBUILD trigger. */
  onbuild: boolean;
  /** Index into `stages`; -1 before the first FROM. */
  stage: number;
  /** Key/value pairs of ENV, ARG and LABEL. */
  properties: Array<{ name: string; value: string | null; operator: string | null }>;
  node: Instruction;
  /** Parsed RUN shell script (lazily). */
  shell(): ShellScript;
}

export interface Stage {
  index: number;
  from: Instr;
  /** `AS name` (lower-cased as BuildKit compares it), or null. */
  name: string | null;
  nameWritten: string | null;
  /** The image reference as written. */
  image: string;
  imageName: string | null;
  tag: string | null;
  digest: string | null;
  platform: string | null;
  instructions: Instr[];
}

export interface CommentLine {
  line: number;
  text: string;
}

export interface DockerfileModel {
  text: string;
  lines: string[];
  /** Offset of the start of each line (0-based index). */
  lineStarts: number[];
  escape: string;
  instructions: Instr[];
  stages: Stage[];
  comments: CommentLine[];
  parseErrors: Array<{ line: number; column: number; message: string }>;
  /** Global ARGs declared before the first FROM. */
  globalArgs: Instr[];
}

export const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
const NEED_ARGS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

function parseExec(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
  } catch {
    return null;
  }
}

/** Leading `--name=value` flags of an instruction's arguments, and where the rest starts. */
function splitFlags(source: string, escape: string): { flags: InstrFlag[]; rest: string; restOffset: number } {
  const flags: InstrFlag[] = [];
  let i = 0;
  for (;;) {
    // Skip blanks and line continuations between flags.
    while (i < source.length) {
      if (source[i] === ' ' || source[i] === '\t') i++;
      else if (source[i] === escape && (source[i + 1] === ' ' || source[i + 1] === '\t')) i++;
      else if (source[i] === escape && (source[i + 1] === '\n' || (source[i + 1] === '\r' && source[i + 2] === '\n'))) i += source[i + 1] === '\r' ? 3 : 2;
      else if ((source[i] === '\n' || source[i] === '\r') && i > 0) i++;
      else break;
    }
    if (!source.startsWith('--', i) || source[i + 2] === undefined || /\s/.test(source[i + 2])) break;
    let j = i;
    while (j < source.length && !/\s/.test(source[j])) j++;
    const word = source.slice(i + 2, j);
    const eq = word.indexOf('=');
    flags.push({ name: eq >= 0 ? word.slice(0, eq) : word, value: eq >= 0 ? word.slice(eq + 1) : null });
    i = j;
  }
  return { flags, rest: source.slice(i), restOffset: i };
}

/** Arguments as the builder sees them: continuations joined, comment and empty lines inside dropped. */
function joinContinuations(raw: string, escape: string): string {
  if (!raw.includes('\n')) return raw;
  const lines = raw.split('\n');
  let out = '';
  let continued = false;
  for (const original of lines) {
    const line = original.replace(/\r$/, '');
    if (continued && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    continued = line.endsWith(escape);
    out += continued ? line.slice(0, -1) : `${line}\n`;
  }
  return out.replace(/\n$/, '');
}

/** `registry/name:tag@sha256:...` -> parts (variables kept as written). */
export function parseImageRef(image: string): { name: string | null; tag: string | null; digest: string | null } {
  if (!image) return { name: null, tag: null, digest: null };
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : null;
  const base = at >= 0 ? image.slice(0, at) : image;
  const colon = base.lastIndexOf(':');
  const tag = colon > base.lastIndexOf('/') ? base.slice(colon + 1) : null;
  return { name: tag !== null ? base.slice(0, colon) : base, tag: tag || null, digest: digest || null };
}

function offsetOf(lineStarts: number[], position: { line: number; character: number }): number {
  return (lineStarts[position.line] ?? lineStarts[lineStarts.length - 1]) + position.character;
}

/** Models already read, per parsed tree: a text linted, fixed and checked again is read once. */
const models = new WeakMap<Dockerfile, DockerfileModel>();

/**
 * Parses Dockerfile text into the model the rules read. Never throws for any input. The model of
 * a recent text is shared (rules read it, never change it); `keep` as for `parseDockerfileAst`.
 */
export function parseDockerfile(text: string, options: { keep?: boolean } = {}): DockerfileModel {
  let dockerfile: Dockerfile;
  try {
    dockerfile = parseDockerfileAst(text, options);
  } catch (error) {
    const model = emptyModel(text);
    model.parseErrors.push({ line: 1, column: 1, message: `cannot parse: ${(error as Error).message}` });
    return model;
  }
  let model = models.get(dockerfile);
  if (!model) {
    model = readModel(text, dockerfile);
    models.set(dockerfile, model);
  }
  return model;
}

function emptyModel(text: string): DockerfileModel {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  return { text, lines, lineStarts, escape: '\\', instructions: [], stages: [], comments: [], parseErrors: [], globalArgs: [] };
}

function readModel(text: string, dockerfile: Dockerfile): DockerfileModel {
  const model = emptyModel(text);
  const { lines, lineStarts } = model;
  model.escape = dockerfile.getEscapeCharacter();
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) model.comments.push({ line: index + 1, text: trimmed.slice(1).trim() });
  });

  let stage: Stage | null = null;
  const escape = model.escape;
  const add = (node: Instruction, onbuild: boolean, outer?: Instruction) => {
    const keyword = node.getKeyword().toUpperCase();
    const range = (outer ?? node).getRange();
    const keywordRange = node.getInstructionRange();
    const start = offsetOf(lineStarts, range.start);
    const end = offsetOf(lineStarts, range.end);
    // The parser's argument accessors re-scan the instruction on every call; read the text once here.
    const afterKeyword = offsetOf(lineStarts, keywordRange.end);
    const { flags, rest, restOffset } = splitFlags(text.slice(afterKeyword, Math.max(afterKeyword, offsetOf(lineStarts, node.getRange().end))), escape);
    const raw = rest.replace(/\s+$/, '');
    const argsText = joinContinuations(raw, escape).trim();
    const withProps = node as Instruction & { getProperties?: () => Array<{ getName(): string; getValue(): string | null; getAssignmentOperator(): string | null }> };
    const properties =
      typeof withProps.getProperties === 'function' && (keyword === 'ENV' || keyword === 'ARG' || keyword === 'LABEL')
        ? withProps.getProperties().map((p) => ({ name: p.getName(), value: p.getValue(), operator: p.getAssignmentOperator() }))
        : [];
    let shell: ShellScript | null = null;
    const instr: Instr = {
      keyword,
      written: node.getInstruction(),
      line: range.start.line + 1,
      endLine: range.end.line + 1,
      column: (outer ?? node).getInstructionRange().start.character + 1,
      text: argsText,
      raw,
      rawStart: afterKeyword + restOffset,
      start,
      end,
      flags,
      args: argsText === '' ? [] : argsText.split(/\s+/),
      exec: ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME'].includes(keyword) ? parseExec(argsText) : null,
      onbuild,
      stage: stage ? stage.index : -1,
      properties,
      node,
      shell() {
        if (!shell) {
          try {
            shell = this.exec || /^\s*<</.test(raw) ? { commands: [], hasPipe: false } : parseShell(raw, escape);
          } catch {
            shell = { commands: [], hasPipe: false };
          }
        }
        return shell;
      },
    };
    model.instructions.push(instr);
    if (stage) stage.instructions.push(instr);
    return instr;
  };

  for (const node of dockerfile.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const next: Stage = { index: model.stages.length, from: undefined as unknown as Instr, name: null, nameWritten: null, image: '', imageName: null, tag: null, digest: null, platform: null, instructions: [] };
      stage = next;
      model.stages.push(next);
      const from = add(node, false);
      next.from = from;
      const [image = '', as, name] = from.args;
      const ref = parseImageRef(image);
      next.image = image;
      next.imageName = ref.name;
      next.tag = ref.tag;
      next.digest = ref.digest;
      if (as?.toLowerCase() === 'as' && name) {
        next.name = name.toLowerCase();
        next.nameWritten = name;
      }
      next.platform = from.flags.find((f) => f.name === 'platform')?.value ?? null;
      continue;
    }
    if (keyword === 'ONBUILD') {
      const trigger = (node as Onbuild).getTriggerInstruction();
      const outer = add(node, false);
      if (trigger) {
        const inner = add(trigger, true, node);
        void inner;
      }
      void outer;
      continue;
    }
    const instr = add(node, false);
    if (!stage && keyword === 'ARG') model.globalArgs.push(instr);
  }

  for (const instr of model.instructions) {
    if (instr.onbuild) continue;
    if (!KEYWORDS.has(instr.keyword)) {
      model.parseErrors.push({ line: instr.line, column: instr.column, message: `unknown instruction "${instr.written}"` });
    } else if (NEED_ARGS.has(instr.keyword) && instr.text.trim() === '' && instr.flags.length === 0) {
      model.parseErrors.push({ line: instr.line, column: instr.column, message: `${instr.keyword} needs at least one argument` });
    }
  }
  return model;
}
