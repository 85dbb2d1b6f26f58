import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';

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
