import { DockerfileParser, type Instruction, type Onbuild } from 'dockerfile-ast';
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

function offsetOf(lineStarts: number[], position: { line: number; character: number }): number {
  return (lineStarts[position.line] ?? lineStarts[lineStarts.length - 1]) + position.character;
}

/** Parses Dockerfile text into the model the rules read. Never throws for any input. */
export function parseDockerfile(text: string): DockerfileModel {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const model: DockerfileModel = { text, lines, lineStarts, escape: '\\', instructions: [], stages: [], comments: [], parseErrors: [], globalArgs: [] };
  let dockerfile;
  try {
    dockerfile = DockerfileParser.parse(text);
    model.escape = dockerfile.getEscapeCharacter();
  } catch (error) {
    model.parseErrors.push({ line: 1, column: 1, message: `cannot parse: ${(error as Error).message}` });
    return model;
  }
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) model.comments.push({ line: index + 1, text: trimmed.slice(1).trim() });
  });

  let stage: Stage | null = null;
  const add = (node: Instruction, onbuild: boolean, outer?: Instruction) => {
    const keyword = node.getKeyword().toUpperCase();
    const range = (outer ?? node).getRange();
    const argsRange = node.getArgumentsRange();
    const raw = node.getRawArgumentsContent() ?? '';
    const flagged = node as Instruction & { getFlags?: () => Array<{ getName(): string; getValue(): string | null }> };
    const flags = typeof flagged.getFlags === 'function' ? flagged.getFlags().map((f) => ({ name: f.getName(), value: f.getValue() })) : [];
    const withProps = node as Instruction & { getProperties?: () => Array<{ getName(): string; getValue(): string | null; getAssignmentOperator(): string | null }> };
    const properties =
      typeof withProps.getProperties === 'function' && (keyword === 'ENV' || keyword === 'ARG' || keyword === 'LABEL')
        ? withProps.getProperties().map((p) => ({ name: p.getName(), value: p.getValue(), operator: p.getAssignmentOperator() }))
        : [];
    const argsText = node.getArgumentsContent() ?? '';
    let shell: ShellScript | null = null;
    const instr: Instr = {
      keyword,
      written: node.getInstruction(),
      line: range.start.line + 1,
      endLine: range.end.line + 1,
      column: (outer ?? node).getInstructionRange().start.character + 1,
      text: argsText,
      raw,
      rawStart: argsRange ? offsetOf(lineStarts, argsRange.start) : offsetOf(lineStarts, range.end),
      start: offsetOf(lineStarts, range.start),
      end: offsetOf(lineStarts, range.end),
      flags,
      args: node.getArguments().map((a) => a.getValue()),
      exec: ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME'].includes(keyword) ? parseExec(argsText) : null,
      onbuild,
      stage: stage ? stage.index : -1,
      properties,
      node,
      shell() {
        if (!shell) {
          try {
            shell = this.exec || /^\s*<</.test(raw) ? { commands: [], hasPipe: false } : parseShell(raw, model.escape);
          } catch {
            shell = { commands: [], hasPipe: false };
          }
        }
        return shell;
      },
    };
    if (keyword === 'HEALTHCHECK' && flags.length === 0) {
      // The parser keeps HEALTHCHECK's CMD flags; nothing else to do.
    }
    model.instructions.push(instr);
    if (stage) stage.instructions.push(instr);
    return instr;
  };

  for (const node of dockerfile.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    if (keyword === 'FROM' && !(node as unknown as { onbuild?: boolean }).onbuild) {
      const from = node as unknown as import('dockerfile-ast').From;
      const stageName = from.getBuildStage();
      const image = node.getArguments().filter((a) => !a.getValue().startsWith('--'))[0]?.getValue() ?? '';
      const next: Stage = {
        index: model.stages.length,
        from: undefined as unknown as Instr,
        name: stageName ? stageName.toLowerCase() : null,
        nameWritten: stageName,
        image,
        imageName: from.getImageName(),
        tag: from.getImageTag(),
        digest: from.getImageDigest(),
        platform: from.getPlatformFlag()?.getValue() ?? null,
        instructions: [],
      };
      stage = next;
      model.stages.push(next);
      next.from = add(node, false);
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
