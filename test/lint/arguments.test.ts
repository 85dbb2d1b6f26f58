import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Argument, Dockerfile, From, Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { parseDockerfileAst, splitArguments } from '../../src/lint/ast.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';

// src/lint/ast.ts keeps each instruction's split of its arguments instead of letting the parser
// split it again on every call. The kept split must be the parser's own, on every instruction.

type Split = { getRawArguments(): Argument[] };
const plain = (args: Argument[]) => args.map((arg) => ({ value: arg.getValue(), range: arg.getRange() }));

function instructions(tree: Dockerfile): Instruction[] {
  return [...tree.getInstructions(), ...tree.getOnbuildTriggers()];
}

/** Instructions whose kept split differs from the parser's own split, as `line: keyword`. */
function mismatches(text: string): string[] {
  const out: string[] = [];
  for (const instruction of instructions(parseDockerfileAst(text, { keep: false }))) {
    const kept = plain((instruction as unknown as Split).getRawArguments());
    const fresh = plain(splitArguments.call(instruction));
    if (JSON.stringify(kept) !== JSON.stringify(fresh)) out.push(`${instruction.getRange().start.line + 1}: ${instruction.getKeyword()}`);
  }
  return out;
}

const EDGES = [
  'FROM --platform=$BUILDPLATFORM registry.example.com:5000/team/app:1.2@sha256:0123 AS build\n',
  '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir `\n    c:\\ && echo "a b"\n',
  'FROM alpine\nRUN --mount=type=cache,target=/root/.cache \\\n    # a comment inside\n    apk add --no-cache curl \\\n  && echo "x \\" y" \'q r\'\n',
  'FROM alpine\nCOPY --chown=10001:10001 --chmod=0755 ["a b", "c"] /app/\nCMD ["node", "server.js"]\nENTRYPOINT []\n',
  'FROM alpine\nRUN <<EOF cat > /x\nhello\nEOF\nCOPY <<-EOT /y\n\tline\n\tEOT\n',
  'FROM alpine\nONBUILD RUN --mount=type=secret,id=npm npm ci\nONBUILD COPY --from=build /a /b\nENV A=1 B="two words" C\nLABEL a=b "c d"=e\n',
  'FROM alpine\nRUN\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\nARG X=1\nEXPOSE 80/tcp 443\n',
];

describe('the split of arguments kept per instruction', () => {
  it('is the parser\'s own on tricky instructions: flags, escapes, JSON, heredocs, ONBUILD, empty', () => {
    for (const text of EDGES) expect(mismatches(text), text).toEqual([]);
  });

  it('hands each caller its own copies: shifting the array or moving a range changes no later answer', () => {
    const from = parseDockerfileAst('FROM --platform=linux/amd64 registry.example.com:5000/team/app:1.2@sha256:abc AS build\n', { keep: false }).getFROMs()[0] as From;
    const before = [from.getImage(), from.getImageName(), from.getRegistry(), from.getImageDigest()];
    const args = from.getArguments();
    args.shift();
    args[0].getRange().start.character = 99;
    // These getters move the ends of the first argument's range they are given.
    from.getRegistryRange();
    from.getImageNameRange();
    expect([from.getImage(), from.getImageName(), from.getRegistry(), from.getImageDigest()]).toEqual(before);
    expect(before[0]).toBe('registry.example.com:5000/team/app:1.2@sha256:abc');
    expect(plain(from.getArguments())).toEqual(plain(splitArguments.call(from).slice(1)));
  });
});

describeCorpus('the split of arguments kept per instruction, over the corpus', () => {
  it('is the parser\'s own on every instruction of the real-world Dockerfiles and the hadolint cases', () => {
    const dockerfiles = path.join(corpusDir, 'dockerfiles');
    const texts = readdirSync(dockerfiles)
      .filter((name) => /dockerfile$/i.test(name))
      .map((name) => readFileSync(path.join(dockerfiles, name), 'utf8'));
    const cases = JSON.parse(readFileSync(path.join(corpusDir, 'hadolint/cases.json'), 'utf8')) as Array<{ dockerfile: string }>;
    texts.push(...cases.map((c) => c.dockerfile));
    expect(texts.length).toBeGreaterThan(1000);
    const bad = texts.flatMap((text, i) => mismatches(text).map((where) => `text ${i} line ${where}`));
    expect(bad).toEqual([]);
  });
});
