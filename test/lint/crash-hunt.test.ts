import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeCorpus } from '../helpers/requirements.js';
import { corpusDir } from '../helpers/paths.js';
import { fixDockerfile, lintDockerfile } from '../../src/lint/index.js';

/** A small seeded generator (mulberry32), so every run mutates the same way. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD = ['\u0000', '\u00ff', '\ufeff', '\r', '\t', '"', "'", '`', '$(', '${', '[', ']', '\\', '\u{1f600}', '#', '<<EOF\n', '\u2028', '&&', '|'];

const MUTATIONS: Array<[string, (text: string, next: () => number) => string]> = [
  ['truncate', (t, r) => t.slice(0, Math.floor(r() * t.length))],
  ['stray continuation', (t, r) => {
    const lines = t.split('\n');
    const at = Math.floor(r() * lines.length);
    lines[at] = `${lines[at]} \\`;
    return lines.join('\n');
  }],
  ['reorder lines', (t, r) => {
    const lines = t.split('\n');
    const a = Math.floor(r() * lines.length);
    const b = Math.floor(r() * lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  }],
  ['crlf', (t) => t.replace(/\n/g, '\r\n')],
  ['odd bytes', (t, r) => {
    let out = t;
    for (let k = 0; k < 3; k++) {
      const at = Math.floor(r() * (out.length + 1));
      out = out.slice(0, at) + ODD[Math.floor(r() * ODD.length)] + out.slice(at);
    }
    return out;
  }],
  ['drop line', (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  }],
  ['duplicate line', (t, r) => {
    const lines = t.split('\n');
    const at = Math.floor(r() * lines.length);
    lines.splice(at, 0, lines[at]);
    return lines.join('\n');
  }],
  ['lower-case keywords', (t) => t.replace(/^(\s*)([A-Z]+)\b/gm, (_m, s: string, k: string) => s + k.toLowerCase())],
  ['cut mid-line', (t, r) => {
    const lines = t.split('\n');
    const at = Math.floor(r() * lines.length);
    lines[at] = lines[at].slice(0, Math.floor(r() * lines[at].length));
    return lines.join('\n');
  }],
  ['splice two files', (t, r) => t.slice(0, Math.floor(r() * t.length)) + t.slice(Math.floor(r() * t.length))],
  ['escape directive', (t) => `# escape=\`\n${t}`],
];

describeCorpus('crash hunt over the real-world Dockerfiles corpus', () => {
  it('lints and fixes every file and 1,000+ seeded mutations without an exception, never making a file worse', () => {
    const dir = path.join(corpusDir, 'dockerfiles');
    const files = readdirSync(dir).filter((f) => /dockerfile$/i.test(f)).sort();
    expect(files.length).toBeGreaterThan(50);
    const next = random(20240501);
    let checked = 0;
    const failures: string[] = [];
    const check = (name: string, text: string, fix: boolean) => {
      checked++;
      try {
        const before = lintDockerfile(text, { strict: true });
        for (const f of before) {
          if (!(f.line >= 1 && f.column >= 1 && f.code && f.fix)) throw new Error(`bad finding ${JSON.stringify(f)}`);
        }
        if (!fix) return;
        const result = fixDockerfile(text);
        const after = lintDockerfile(result.text, { strict: true });
        const parseErrors = (list: typeof after) => list.filter((f) => f.aliases.includes('DL1000')).length;
        if (after.length > before.length) throw new Error(`fix made ${after.length - before.length} more findings`);
        if (parseErrors(after) > parseErrors(before)) throw new Error('fix made the file parse worse');
        if (result.text !== text && result.applied.length === 0) throw new Error('text changed without an applied fix');
      } catch (error) {
        failures.push(`${name}: ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
      }
    };
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      check(file, text, true);
      for (const [kind, mutate] of MUTATIONS) {
        check(`${file} (${kind})`, mutate(text, next), true);
      }
    }
    console.log(`crash hunt: ${checked} texts (${files.length} corpus files + mutations), ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(1000);
    // Over a thousand lint --fix runs: longer than the default 30 s on a busy machine.
  }, 300_000);
});
