/** One `FROM` of a Dockerfile, with build arguments substituted from their defaults. */
export interface FromLine {
  /** 1-based line of the FROM instruction. */
  line: number;
  /** The image as written after substitution, e.g. `node:22@sha256:...`. */
  image: string;
  /** `AS <name>`, or null. */
  stage: string | null;
  /** What the line refers to: a registry image, `scratch`, an earlier stage, or something left unresolved. */
  kind: 'image' | 'scratch' | 'stage' | 'unresolved';
}

/** Joins continuation lines and drops comments, keeping each instruction's first line number. */
function instructions(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  const lines = text.split(/\r?\n/);
  let current: { line: number; text: string } | null = null;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (current === null && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (current !== null && trimmed.startsWith('#')) return;
    const continued = /\\\s*$/.test(raw);
    const body = continued ? raw.replace(/\\\s*$/, '') : raw;
    if (current === null) current = { line: index + 1, text: body.trim() };
    else current.text += ` ${body.trim()}`;
    if (!continued) {
      out.push(current);
      current = null;
    }
  });
  if (current) out.push(current);
  return out;
}

function substitute(value: string, args: Map<string, string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = args.get(name);
    if (value !== undefined && value !== '') return value;
    if (fallback !== undefined) return fallback;
    return whole;
  });
}

/** Every FROM of a Dockerfile; ARGs declared before the first FROM are substituted with their defaults. */
export function fromLines(text: string): FromLine[] {
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const result: FromLine[] = [];
  for (const instruction of instructions(text)) {
    const match = /^(\w+)\s+(.*)$/s.exec(instruction.text);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    if (keyword === 'ARG' && result.length === 0) {
      for (const decl of match[2].split(/\s+/)) {
        const eq = decl.indexOf('=');
        if (eq > 0) args.set(decl.slice(0, eq), decl.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2'));
      }
      continue;
    }
    if (keyword !== 'FROM') continue;
    const words = match[2].split(/\s+/).filter((w) => !w.startsWith('--'));
    const image = substitute(words[0] ?? '', args);
    const stage = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2] : null;
    let kind: FromLine['kind'] = 'image';
    if (image.toLowerCase() === 'scratch') kind = 'scratch';
    else if (stages.has(image.toLowerCase())) kind = 'stage';
    else if (image.includes('$') || image === '') kind = 'unresolved';
    result.push({ line: instruction.line, image, stage, kind });
    if (stage) stages.add(stage.toLowerCase());
  }
  return result;
}
