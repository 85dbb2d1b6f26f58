import { Argument, DockerfileParser, Instruction, type Dockerfile } from 'dockerfile-ast';

/**
 * dockerfile-ast splits an instruction's arguments anew on every call of its (private)
 * getRawArguments, and its own constructors and getters call it four to eight times for each RUN,
 * COPY or CMD while parsing: that was a quarter of the time of a lint. An instruction never changes
 * once built, so the split is kept per instruction, and each call gets copies of it: the parser
 * shifts flags off the array it is given, and FROM's getters move the ends of an argument's range.
 */
type SplitsArguments = { getRawArguments(): Argument[] };
const instructionPrototype = Instruction.prototype as unknown as SplitsArguments;
/** The parser's own split, uncached (tests compare against it). */
export const splitArguments: (this: Instruction) => Argument[] = instructionPrototype.getRawArguments;
const splits = new WeakMap<Instruction, Argument[]>();
instructionPrototype.getRawArguments = function (this: Instruction): Argument[] {
  let args = splits.get(this);
  if (!args) {
    args = splitArguments.call(this);
    splits.set(this, args);
  }
  return args.map((arg) => {
    const { start, end } = arg.getRange();
    return new Argument(arg.getValue(), { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } });
  });
};

/** How many recent texts keep their tree: enough for a fix or retrofit run, which reparse a handful of texts many times. */
const KEPT = 64;

const trees = new Map<string, { tree: Dockerfile } | { error: unknown }>();

/**
 * The parser's tree of `text`, parsed once for the recent texts: lint, fix and retrofit share it.
 * The tree is shared, so treat it as read-only. Throws what the parser throws (again, from the cache).
 * `keep: false` (a run that reads each text once) still uses a kept tree but keeps no new one:
 * holding trees nobody asks for again only gives the garbage collector more to move.
 * This is the one place that calls the parser.
 */
export function parseDockerfileAst(text: string, { keep = true }: { keep?: boolean } = {}): Dockerfile {
  let entry = trees.get(text);
  if (entry) {
    // Most recently used last, so the oldest is the first key.
    trees.delete(text);
    trees.set(text, entry);
  } else {
    try {
      entry = { tree: DockerfileParser.parse(text) };
    } catch (error) {
      entry = { error };
    }
    if (keep) {
      if (trees.size >= KEPT) trees.delete(trees.keys().next().value as string);
      trees.set(text, entry);
    }
  }
  if ('error' in entry) throw entry.error;
  return entry.tree;
}
