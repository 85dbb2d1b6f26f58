import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDockerfile, applyPatches, CARRIED, NOT_CARRIED, planPatches, planRetrofit } from '../../src/retrofit/index.js';
import { fixDockerfile, lintDockerfile } from '../../src/lint/index.js';
import { fixturesDir } from '../helpers/paths.js';

import { prepareGeneration } from '../../src/generate/prepare.js';
import { answersFor, existingDockerfile, fixtureDir, generatedDockerfile, STACKS } from './stacks.js';

const GENERATED = Object.fromEntries(await Promise.all(STACKS.map(async (stack) => [stack, await generatedDockerfile(stack)] as const)));

/** Instructions of a Dockerfile with comments stripped, continuation lines joined. */
function instructions(text: string): string[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'));
}

describe.each(STACKS)('planRetrofit on the %s fixture', (stack) => {
  const existing = existingDockerfile(stack);
  const generated = GENERATED[stack];
  const plan = planRetrofit(existing, { dockerfile: generated });
  const model = analyzeDockerfile(existing);
  const out = analyzeDockerfile(plan.rewrite);
  const body = instructions(plan.rewrite).join('\n');

  it('parses, stays multi-stage and keeps the generated hardening', () => {
    expect(out.ok).toBe(true);
    expect(out.stages.length).toBeGreaterThan(1);
    for (const line of instructions(generated).filter((l) => !/^(CMD|ENTRYPOINT|HEALTHCHECK)\b/.test(l))) {
      expect(plan.rewrite).toContain(line.split(' ').slice(0, 2).join(' '));
    }
  });

  it('keeps every system package the user installed', () => {
    const kept = out.packages.flatMap((p) => p.packages);
    for (const pkg of model.packages.flatMap((p) => p.packages)) expect(kept).toContain(pkg);
    expect(out.packages.every((p) => p.cleansUp)).toBe(true);
  });

  it('keeps every custom step, each marked as carried over', () => {
    for (const step of model.custom) {
      const commands = step.commands.length ? step.commands : [step.text];
      for (const command of commands) expect(body).toContain(command.replace(/\$\{NPM_TOKEN\}/, '${NPM_TOKEN}'));
    }
    const carried = plan.rewrite.split('\n').filter((l) => l.startsWith(CARRIED));
    expect(carried.length).toBeGreaterThanOrEqual(model.custom.length);
  });

  it('keeps config ENV and drops every secret ARG/ENV', () => {
    const names = [...out.globalArgs, ...out.variables].map((v) => v.name);
    for (const variable of model.variables.filter((v) => !v.secret)) expect(names).toContain(variable.name);
    for (const variable of [...model.globalArgs, ...model.variables].filter((v) => v.secret)) {
      expect(names).not.toContain(variable.name);
      expect(plan.rewrite).not.toMatch(new RegExp(`^(ARG|ENV) ${variable.name}\\b`, 'm'));
      if (variable.value) expect(plan.rewrite).not.toContain(variable.value);
    }
  });

  it('lints as clean as the generated file: the merge adds no finding', () => {
    const codes = (text: string) => lintDockerfile(text).map((f) => f.code).sort();
    expect(codes(plan.rewrite)).toEqual(codes(generated));
  });

  it('lints clean: no error or warning; only the digest pin the offline (tag-only) bases lack', () => {
    const findings = lintDockerfile(plan.rewrite);
    expect(findings.filter((f) => f.level === 'error' || f.level === 'warning')).toEqual([]);
    for (const finding of findings) expect(finding.message).toMatch(/not pinned by digest|digest/i);
  });

  it('with the linter, the patch series leaves fewer findings and never more', () => {
    const linted = planRetrofit(existing, { dockerfile: generated }, { lint: (t) => lintDockerfile(t), fix: (t) => fixDockerfile(t).text });
    const all = applyPatches(existing, linted.patches.map((p) => p.id), linted.patches);
    expect(lintDockerfile(all).length).toBeLessThan(lintDockerfile(existing).length);
    for (const patch of linted.patches) {
      expect(lintDockerfile(applyPatches(existing, [patch.id], linted.patches)).length).toBeLessThanOrEqual(lintDockerfile(existing).length);
    }
  });

  it('removes every insecure pattern', () => {
    expect(out.stages.every((s) => !s.unpinned)).toBe(true);
    expect(out.copies.filter((c) => c.kind === 'ADD')).toEqual([]);
    expect(out.maintainer).toBeNull();
    expect(out.commands.every((c) => c.form === 'exec')).toBe(true);
    const finalUsers = out.users.filter((u) => u.stage === out.stages.length - 1);
    expect(finalUsers.at(-1)).toMatchObject({ numeric: true, root: false });
  });

  it('lists build secrets as secret mounts and run-time secrets as unsafe', () => {
    for (const secret of plan.secrets) {
      expect(plan.rewrite).toContain(`--mount=type=secret,id=${secret.id}`);
      expect(plan.rewrite).toContain(`/run/secrets/${secret.id}`);
    }
    for (const name of plan.runtimeSecrets) {
      expect(plan.unsafe.some((u) => u.what === `ENV ${name}`)).toBe(true);
      expect(plan.rewrite).toContain(`${NOT_CARRIED} ENV ${name}`);
    }
  });

  it('is idempotent: a second run over its own output changes nothing', () => {
    const again = planRetrofit(plan.rewrite, { dockerfile: generated });
    expect(again.rewrite).toBe(plan.rewrite);
    // What could not be carried over is still reported.
    expect(again.unsafe.map((u) => u.what)).toEqual(plan.unsafe.map((u) => u.what));
  });

  it('over its own output with other answers, carried steps keep the line numbers of the user file', () => {
    const carriedLines = (text: string) => text.split('\n').filter((l) => l.startsWith(CARRIED)).sort();
    const notCarried = (text: string) => text.split('\n').filter((l) => l.startsWith(NOT_CARRIED)).sort();
    // Other answers: the generated file differs (another comment and label), so the merge runs again.
    const changed = generated.replace(/^(FROM [^\n]* AS final)$/m, '$1\n# another answer\nLABEL extra="1"');
    expect(changed).not.toBe(generated);
    const again = planRetrofit(plan.rewrite, { dockerfile: changed });
    expect(again.rewrite).not.toBe(plan.rewrite);
    expect(carriedLines(again.rewrite)).toEqual(carriedLines(plan.rewrite));
    expect(notCarried(again.rewrite)).toEqual(notCarried(plan.rewrite));
    expect(instructions(again.rewrite).filter((l) => l !== 'LABEL extra="1"')).toEqual(instructions(plan.rewrite));
  });

  it('offers a patch series whose hunks apply in any subset', () => {
    expect(plan.patches.length).toBeGreaterThan(2);
    expect(applyPatches(existing, [], plan.patches)).toBe(existing);
    const all = applyPatches(existing, plan.patches.map((p) => p.id), plan.patches);
    const allModel = analyzeDockerfile(all);
    expect(allModel.ok).toBe(true);
    expect(allModel.copies.filter((c) => c.kind === 'ADD')).toEqual([]);
    expect(allModel.stages.every((s) => !s.unpinned)).toBe(true);
    for (const variable of [...model.globalArgs, ...model.variables].filter((v) => v.secret)) {
      expect(all).not.toMatch(new RegExp(`^(ARG|ENV) .*\\b${variable.name}\\b`, 'm'));
    }
    for (const patch of plan.patches) {
      const one = applyPatches(existing, [patch.id], plan.patches);
      expect(one).not.toBe(existing);
      expect(analyzeDockerfile(one).ok).toBe(true);
      expect(patch.diff).toContain('@@');
      expect(patch.title).not.toBe('');
    }
  });
});

describe('planRetrofit details', () => {
  const hardened = readFileSync(path.join(fixturesDir, 'retrofit', 'node', 'generated.Dockerfile'), 'utf8');

  it('says what it cannot carry into a distroless final stage', () => {
    const distroless = hardened.replace(/^FROM docker\.io\/library\/node:22\.21\.1-bookworm-slim$/m, 'FROM gcr.io/distroless/nodejs22-debian12:nonroot').replace('CMD ["node", "server.js"]', 'CMD ["server.js"]');
    const plan = planRetrofit('FROM node:20\nRUN apt-get update && apt-get install -y imagemagick\nWORKDIR /app\nCOPY . .\nRUN chmod +x run.sh && ./setup.sh\nCMD node server.js\n', { dockerfile: distroless });
    expect(plan.unsafe.map((u) => u.what)).toEqual(['packages imagemagick', 'RUN chmod +x run.sh && ./setup.sh']);
    expect(plan.rewrite).toContain(`${NOT_CARRIED} packages imagemagick`);
    // The distroless runtime starts node itself: the start command keeps its meaning.
    expect(plan.rewrite).toContain('CMD ["server.js"]');
  });

  it('carries ENTRYPOINT wrappers, extra ports, labels and files outside the app', () => {
    const plan = planRetrofit(
      'FROM node:20-slim\nLABEL team=payments\nRUN apt-get update && apt-get install -y tini && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nCOPY nginx.conf /etc/app/nginx.conf\nEXPOSE 3000 9229\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]\n',
      { dockerfile: hardened },
    );
    expect(plan.rewrite).toContain('ENTRYPOINT ["tini", "--"]');
    expect(plan.rewrite).toContain('EXPOSE 9229');
    expect(plan.rewrite).toMatch(/LABEL team=payments|LABEL team="payments"/);
    expect(plan.rewrite).toContain('COPY nginx.conf /etc/app/nginx.conf');
    expect(analyzeDockerfile(plan.rewrite).commands.filter((c) => c.stage === 1).map((c) => c.kind)).toEqual(['ENTRYPOINT', 'CMD']);
  });

  it("keeps the user's authors label (or MAINTAINER) next to the generated security.contact", async () => {
    const node = answersFor('node');
    const answers = { ...node, security: { ...node.security, url: undefined } };
    const withContact = (await prepareGeneration(path.join(fixtureDir('node'), 'app'), answers, { pin: false, now: new Date('2026-01-01T00:00:00Z') })).files.find((f) => f.path === 'Dockerfile')!.content;
    expect(withContact).toMatch(/^ +security\.contact="mailto:security@example\.com"$/m);
    const labels = (text: string) => Object.fromEntries(analyzeDockerfile(text).labels.filter((l) => l.stage === 1).map((l) => [l.name, l.value]));
    for (const user of ['LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"', 'MAINTAINER Jane Doe <jane@example.com>']) {
      const plan = planRetrofit(`FROM node:20\n${user}\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n`, { dockerfile: withContact });
      expect(labels(plan.rewrite)).toMatchObject({ 'org.opencontainers.image.authors': 'Jane Doe <jane@example.com>', 'security.contact': 'mailto:security@example.com' });
      expect(lintDockerfile(plan.rewrite).map((f) => f.code)).not.toContain('HI616');
    }
  });

  it('turns a shell-form start command with shell features into an explicit sh -c where a shell exists', () => {
    const plan = planRetrofit('FROM node:20\nWORKDIR /app\nCOPY . .\nCMD node server.js > /tmp/out.log 2>&1\n', { dockerfile: hardened });
    expect(plan.rewrite).toContain('CMD ["/bin/sh", "-c", "node server.js > /tmp/out.log 2>&1"]');
  });

  it('never throws and reports an unreadable file', () => {
    const plan = planRetrofit('this is not a Dockerfile', { dockerfile: hardened });
    expect(plan.unsafe).toHaveLength(1);
    expect(plan.rewrite).toBe(hardened);
  });
});

describe('planPatches', () => {
  it('fixes apt hygiene, ADD, MAINTAINER, shell-form CMD and a missing USER', () => {
    const text = 'FROM debian:12\nMAINTAINER ops\nRUN apt-get update && apt-get install curl\nADD app /app\nCMD /app/run --port 80\n';
    const patches = planPatches(text);
    const all = applyPatches(text, patches.map((p) => p.id), patches);
    expect(all).toBe(
      'FROM debian:12\nLABEL org.opencontainers.image.authors="ops"\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\nCOPY app /app\n# harden-init: run as a non-root user, by number\nUSER 10001:10001\nCMD ["/app/run", "--port", "80"]\n',
    );
  });

  it('leaves a clean file alone', () => {
    const text = 'FROM debian:12.12-slim\nCOPY app /app\nUSER 10001:10001\nCMD ["/app/run"]\n';
    expect(planPatches(text)).toEqual([]);
  });

  it('names each hunk for the findings it fixes, not for every finding on its lines', () => {
    const text = existingDockerfile('node');
    const lint = (t: string) => lintDockerfile(t);
    const patches = planPatches(text, { lint, fix: (t) => fixDockerfile(t).text });
    const count = (t: string, code: string) => lint(t).filter((f) => f.code === code).length;
    const named = patches.flatMap((patch) => [...patch.title.matchAll(/\b([A-Z]+\d+): /g)].map((m) => ({ patch, code: m[1] })));
    expect(named.length).toBeGreaterThan(3);
    for (const { patch, code } of named) {
      expect(count(applyPatches(text, [patch.id], patches), code), `${patch.title} names ${code}`).toBeLessThan(count(text, code));
    }
    // The FROM hunk pins the tag; the missing USER is the USER hunk's, not the FROM's.
    const from = patches.find((p) => p.start === 1)!;
    expect(from.title).toMatch(/^pin node:latest/);
    expect(from.title).not.toMatch(/USER/);
  });

  it('pins a latest base to the generated one: short for Docker Hub, with the mirror host for --registry, with its digest', () => {
    const text = 'FROM node:latest\nUSER 10001:10001\nCMD ["node", "a.js"]\n';
    const pinOf = (generated: string) => {
      const plan = planRetrofit(text, { dockerfile: generated });
      return applyPatches(text, plan.patches.map((p) => p.id), plan.patches).split('\n')[0];
    };
    expect(pinOf('FROM docker.io/library/node:20.19.5-bookworm-slim AS build\nUSER 1:1\n')).toBe('FROM node:20.19.5-bookworm-slim');
    expect(pinOf('FROM 127.0.0.1:5000/library/node:20.19.5-bookworm-slim AS build\nUSER 1:1\n')).toBe('FROM 127.0.0.1:5000/library/node:20.19.5-bookworm-slim');
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(pinOf(`FROM docker.io/library/node:20.19.5-bookworm-slim@${digest} AS build\nUSER 1:1\n`)).toBe(`FROM node:20.19.5-bookworm-slim@${digest}`);
  });

  it('a secret a step writes into a file stays out of the image: git config gets a throwaway global file, other files are named', () => {
    const git = 'FROM golang:1.23\nARG GITHUB_TOKEN\nRUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" && go mod download\nUSER 10001:10001\n';
    const patches = planPatches(git);
    const patched = applyPatches(git, patches.map((p) => p.id), patches);
    expect(patched).toContain('RUN --mount=type=secret,id=github_token export GIT_CONFIG_GLOBAL="$(mktemp)" && export GITHUB_TOKEN="$(cat /run/secrets/github_token)" && git config --global');
    expect(patched).toMatch(/go mod download && rm -f "\$GIT_CONFIG_GLOBAL"\n/);
    const npm = 'FROM node:20\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\nUSER 10001:10001\n';
    expect(planPatches(npm).map((p) => p.title).join('\n')).toContain('warning: NPM_TOKEN is written to .npmrc, which stays in the image; remove it in the same RUN');
    const cleaned = npm.replace('npm ci', 'npm ci && rm -f .npmrc');
    expect(planPatches(cleaned).map((p) => p.title).join('\n')).not.toContain('warning');
  });

  it('drops a linter fix that would add findings', () => {
    const text = 'FROM debian:12\nUSER 10001:10001\nCMD ["/app/run"]\n';
    const patches = planPatches(text, { fix: (t) => t + 'RUN echo broken\n', lint: (t) => (t.includes('broken') ? [{ file: 'Dockerfile', line: 4, column: 1, level: 'error', code: 'X', message: 'x', aliases: [], fix: 'x' }] : []) });
    expect(patches).toEqual([]);
  });
});
