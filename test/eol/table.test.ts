import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EOL_TABLE, compareCycles, type Product } from '../../src/eol/index.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (text: string) => DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

describe('the end-of-life table (src/eol/cycles.json)', () => {
  it('names its source and the day it was taken', () => {
    expect(EOL_TABLE.source).toBe('https://endoflife.date');
    expect(validDay(EOL_TABLE.retrieved)).toBe(true);
  });

  it('covers the runtimes harden-init builds and the OSes of their base images', () => {
    const products: Product[] = ['node', 'bun', 'deno', 'python', 'go', 'ruby', 'php', 'java', 'dotnet', 'elixir', 'debian', 'alpine', 'ubuntu'];
    expect(Object.keys(EOL_TABLE.products).sort()).toEqual([...products].sort());
  });

  it.each(Object.entries(EOL_TABLE.products))('%s: well-formed cycles, in order, each released before it ends', (_name, product) => {
    expect(product.name.length).toBeGreaterThan(1);
    expect(product.source).toMatch(/^https:\/\/endoflife\.date\/[a-z-]+$/);
    expect(product.cycles.length).toBeGreaterThan(0);
    const names = product.cycles.map((c) => c.cycle);
    expect([...names].sort(compareCycles)).toEqual(names);
    for (const cycle of product.cycles) {
      expect(cycle.cycle).toMatch(/^\d+(\.\d+)?$/);
      expect(validDay(cycle.release), `${cycle.cycle} release`).toBe(true);
      if (cycle.eol !== null) expect(validDay(cycle.eol) && cycle.eol > cycle.release, `${cycle.cycle} eol`).toBe(true);
      if (cycle.lts !== undefined) expect(validDay(cycle.lts) && cycle.lts >= cycle.release, `${cycle.cycle} lts`).toBe(true);
      if (cycle.extended !== undefined) expect(validDay(cycle.extended) && cycle.eol !== null && cycle.extended > cycle.eol, `${cycle.cycle} extended`).toBe(true);
      expect(cycle.release <= EOL_TABLE.retrieved, `${cycle.cycle} is released by the day the table was taken`).toBe(true);
    }
    // Products that choose LTS lines have some.
    if (product.lts) expect(product.cycles.some((c) => c.lts !== undefined)).toBe(true);
  });

  it('has the dates the project relies on', () => {
    const eol = (product: Product, cycle: string) => EOL_TABLE.products[product].cycles.find((c) => c.cycle === cycle);
    expect(eol('node', '18')?.eol).toBe('2025-04-30');
    expect(eol('node', '20')?.eol).toBe('2026-04-30');
    expect(eol('node', '22')?.eol).toBe('2027-04-30');
    expect(eol('node', '24')?.eol).toBe('2028-04-30');
    expect(eol('debian', '12')).toMatchObject({ codename: 'bookworm', eol: '2026-06-10', extended: '2028-06-30' });
    expect(eol('debian', '13')).toMatchObject({ codename: 'trixie', release: '2025-08-09' });
    expect(eol('python', '3.8')?.eol).toBe('2024-10-07');
    expect(eol('dotnet', '8.0')?.eol).toBe('2026-11-10');
  });

  it('agrees with the Node.js release schedule that node-releases ships', () => {
    const require = createRequire(import.meta.url);
    const schedule = require('node-releases/data/release-schedule/release-schedule.json') as Record<string, { start: string; lts?: string; end: string }>;
    for (const cycle of EOL_TABLE.products.node.cycles) {
      const line = schedule[`v${cycle.cycle}`];
      expect(line, `node ${cycle.cycle} in node-releases`).toBeDefined();
      expect({ cycle: cycle.cycle, release: cycle.release, lts: cycle.lts, eol: cycle.eol }).toEqual({ cycle: cycle.cycle, release: line.start, lts: line.lts, eol: line.end });
    }
  });
});
