/** One instruction of a Dockerfile, continuation lines joined. `line` is 1-based. */
export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
  endLine: number;
}

export interface DockerStage {
  index: number;
  name: string | null;
  /** The FROM image with global ARG defaults substituted. */
  image: string;
  line: number;
  instructions: DockerInstruction[];
}

/** Splits a Dockerfile into instructions (comments dropped, `\` continuations joined). */
export function readInstructions(text: string): DockerInstruction[] {
  const lines = text.split(/\r?\n/);
  const out: DockerInstruction[] = [];
  let current: { parts: string[]; line: number } | null = null;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (current === null && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (current !== null && trimmed.startsWith('#')) return;
    const continues = /\\\s*$/.test(raw);
    const part = continues ? raw.replace(/\\\s*$/, '') : raw;
    if (current === null) current = { parts: [part], line: i + 1 };
    else current.parts.push(part);
    if (!continues) {
      const joined = current.parts.map((p) => p.trim()).join(' ').trim();
      const m = /^(\S+)\s*(.*)$/s.exec(joined);
      if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: current.line, endLine: i + 1 });
      current = null;
    }
  });
  return out;
}

function substitute(value: string, args: Map<string, string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced: string, fallback: string | undefined, bare: string) => {
    const name = braced ?? bare;
    return args.get(name) || fallback || '';
  });
}

/** The build stages of a Dockerfile, in order; the last one is what `docker build` tags. */
export function readStages(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  const globalArgs = new Map<string, string>();
  for (const instruction of readInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({
        index: stages.length,
        name: asIndex >= 0 ? (words[asIndex + 1] ?? null) : null,
        image: substitute(words[0] ?? '', globalArgs),
        line: instruction.line,
        instructions: [],
      });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(instruction.args);
        if (m) globalArgs.set(m[1], (m[2] ?? '').replace(/^["']|["']$/g, ''));
      }
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

/** The stage an image built from this Dockerfile ends in (the last, unless `--target` says otherwise). */
export function finalStage(stages: DockerStage[], target?: string): DockerStage | undefined {
  if (target) return stages.find((s) => s.name === target);
  return stages[stages.length - 1];
}

/** The external image a stage starts from, following `FROM <earlier stage>` chains. */
export function externalBase(stages: DockerStage[], stage: DockerStage): string {
  let current = stage;
  for (let guard = 0; guard < stages.length; guard++) {
    const parent = stages.find((s) => s.name !== null && s.name === current.image && s.index < current.index);
    if (!parent) return current.image;
    current = parent;
  }
  return current.image;
}
