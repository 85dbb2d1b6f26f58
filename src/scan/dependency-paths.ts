/**
 * Dependency chains from top-level packages down to `target`, given each package's direct
 * dependencies. Top-level = nothing depends on it. At most `limit` chains, shortest first, no cycles.
 */
export function dependencyChains(dependsOn: ReadonlyMap<string, readonly string[]>, target: string, limit = 5): string[][] {
  const parents = new Map<string, string[]>();
  for (const [pkg, deps] of dependsOn) {
    for (const dep of deps) {
      const list = parents.get(dep) ?? [];
      list.push(pkg);
      parents.set(dep, list);
    }
  }
  if (!parents.has(target)) return [];
  const chains: string[][] = [];
  // Breadth-first upwards, so the shortest chains come first.
  let frontier: string[][] = [[target]];
  while (frontier.length > 0 && chains.length < limit) {
    const next: string[][] = [];
    for (const chain of frontier) {
      const head = chain[0];
      const ups = (parents.get(head) ?? []).filter((p) => !chain.includes(p));
      if (ups.length === 0) {
        if (chain.length > 1) chains.push(chain);
        if (chains.length >= limit) break;
        continue;
      }
      for (const up of ups) next.push([up, ...chain]);
    }
    frontier = next.slice(0, 200);
  }
  return chains;
}
