import { describe, expect, it } from 'vitest';
import { generateFiles, GenerateError, planStack } from '../../src/generate/index.js';
import { nextStandalone, packageManagerInstall, pnpLinker } from '../../src/generate/stacks/node.js';
import { parseAnswers, type Answers } from '../../src/questions/answers.js';
import { fixtureAnswers, fixtureContext } from './helpers.js';

function answers(raw: Record<string, unknown>): Answers {
  const parsed = parseAnswers({ language: 'node', packageManager: 'npm', runtimeVersion: '22', startCommand: 'node server.js', base: 'distroless', security: { contact: 'mailto:s@example.com', expires: '2027-01-01T00:00:00Z' }, ...raw });
  if (!parsed.ok) throw new Error(`${parsed.field}: ${parsed.message}`);
  return parsed.answers;
}

const dockerfileOf = (result: ReturnType<typeof generateFiles>) => result.files.find((file) => file.path === 'Dockerfile')!.content;

describe('node package managers come from the npm registry', () => {
  it('installs the version package.json pins, else a default, and replaces a bundled yarn', () => {
    expect(packageManagerInstall('pnpm', false, 'pnpm@10.34.8+sha512.abcdef')).toBe('npm install --global --no-audit --no-fund pnpm@10.34.8');
    expect(packageManagerInstall('pnpm', false, undefined)).toBe('npm install --global --no-audit --no-fund pnpm@10');
    expect(packageManagerInstall('pnpm', false, 'yarn@4.1.0')).toBe('npm install --global --no-audit --no-fund pnpm@10');
    expect(packageManagerInstall('yarn', false, 'yarn@1.22.19')).toBe('npm install --global --no-audit --no-fund --force yarn@1.22.19');
    expect(packageManagerInstall('yarn', true, 'yarn@4.18.1')).toBe('npm install --global --no-audit --no-fund --force @yarnpkg/cli-dist@4.18.1');
    expect(packageManagerInstall('yarn', true, undefined)).toBe('npm install --global --no-audit --no-fund --force @yarnpkg/cli-dist@4');
  });

  it('yarn berry: .yarnrc.yml is a manifest and the production install is workspaces focus', () => {
    const { plan } = planStack(answers({ packageManager: 'yarn' }), { repoFiles: ['package.json', 'yarn.lock', '.yarnrc.yml', 'server.js'], appMetadata: { packageManager: 'yarn@4.18.1', texts: { '.yarnrc.yml': 'nodeLinker: node-modules\n' } } });
    expect(plan.slots.manifests).toEqual(['package.json', 'yarn.lock', '.yarnrc.yml']);
    expect(plan.slots.install).toBe('npm install --global --no-audit --no-fund --force @yarnpkg/cli-dist@4.18.1 && yarn workspaces focus --all --production');
    expect(plan.slots.cacheMounts).toBe('--mount=type=cache,target=/root/.npm --mount=type=cache,target=/root/.yarn/berry/cache');
  });
});

describe("yarn Plug'n'Play", () => {
  it('is the linker unless .yarnrc.yml names another', () => {
    expect(pnpLinker(undefined)).toBe(true);
    expect(pnpLinker('enableTelemetry: false\n')).toBe(true);
    expect(pnpLinker('nodeLinker: pnp\n')).toBe(true);
    expect(pnpLinker('nodeLinker: node-modules\n')).toBe(false);
    expect(pnpLinker('nodeLinker: "pnpm"\n')).toBe(false);
  });

  it('installs into node_modules for the image, so plain node runs the app without Yarn\'s loader and zip cache', () => {
    const context = (yarnrc: string) => ({ repoFiles: ['package.json', 'yarn.lock', '.yarnrc.yml', 'server.js'], appMetadata: { packageManager: 'yarn@4.18.1', texts: { '.yarnrc.yml': yarnrc } } });
    const pnp = planStack(answers({ packageManager: 'yarn' }), context('enableGlobalCache: true\n')).plan;
    expect(pnp.slots.install).toBe('npm install --global --no-audit --no-fund --force @yarnpkg/cli-dist@4.18.1 && export YARN_NODE_LINKER=node-modules && yarn workspaces focus --all --production');
    const nodeModules = planStack(answers({ packageManager: 'yarn' }), context('nodeLinker: node-modules\n')).plan;
    expect(nodeModules.slots.install).not.toContain('YARN_NODE_LINKER');
  });
});

describe('Next.js output standalone', () => {
  const next = { framework: 'next', buildCommand: 'npm run build', startCommand: 'npm start', port: 3000 };
  const context = (config: string, files: string[] = ['public/robots.txt']) => ({
    repoFiles: ['package.json', 'package-lock.json', 'next.config.mjs', 'app/page.js', ...files],
    appMetadata: { scripts: { build: 'next build', start: 'next start' }, texts: { 'next.config.mjs': config } },
  });

  it('reads output standalone from any next.config', () => {
    expect(nextStandalone({ 'next.config.ts': "const config: NextConfig = { output: 'standalone' };" })).toBe(true);
    expect(nextStandalone({ 'next.config.js': 'module.exports = { output: "export" }' })).toBe(false);
    expect(nextStandalone(undefined)).toBe(false);
  });

  it('copies standalone, static and public, runs node server.js on 0.0.0.0 and prunes nothing', () => {
    const { plan } = planStack(answers(next), context("export default { output: 'standalone' };"));
    expect(plan.cmd).toEqual(['server.js']);
    expect(plan.env).toEqual([['NODE_ENV', 'production'], ['HOSTNAME', '0.0.0.0'], ['PORT', '3000']]);
    expect(plan.slots.copies).toEqual([['/app/.next/standalone', '/app'], ['/app/.next/static', '/app/.next/static'], ['/app/public', '/app/public']]);
    expect(plan.slots.prune).toBeNull();
    const withoutPublic = planStack(answers(next), context("export default { output: 'standalone' };", [])).plan;
    expect(withoutPublic.slots.copies).toHaveLength(2);
  });

  it('keeps next start (and the whole app) without standalone, or when the start command is the app’s own server', () => {
    expect(planStack(answers(next), context('export default {};')).plan.cmd).toEqual(['node_modules/.bin/next', 'start']);
    const custom = planStack(answers({ ...next, startCommand: 'node custom-server.js' }), context("export default { output: 'standalone' };")).plan;
    expect(custom.cmd).toEqual(['custom-server.js']);
    expect(custom.slots.copies).toBeNull();
  });
});

describe('pnpm workspace app', () => {
  it('is built from the workspace root: its own ignore file, -f in the build line, compose context at the root', async () => {
    const result = generateFiles(fixtureAnswers('node-pnpm-workspace'), await fixtureContext('node-pnpm-workspace'));
    expect(result.files.map((file) => file.path)).toEqual(['Dockerfile', 'Dockerfile.dockerignore', '.well-known/security.txt', 'compose.yaml', '.harden-init.json']);
    const dockerfile = dockerfileOf(result);
    expect(dockerfile).toContain('-f apps/api/Dockerfile -t shop-api .');
    expect(dockerfile).toContain('pnpm fetch --prod');
    expect(dockerfile).toContain('pnpm install --frozen-lockfile --offline --filter ./apps/api... --prod');
    expect(dockerfile).toMatch(/\nWORKDIR \/app\/apps\/api\n/);
    expect(result.files.find((file) => file.path === 'compose.yaml')!.content).toContain('context: ../..\n      dockerfile: apps/api/Dockerfile\n');
  });

  it('builds the app and its workspace dependencies, then installs them again without dev dependencies', async () => {
    const context = await fixtureContext('node-pnpm-workspace');
    const dockerfile = dockerfileOf(generateFiles({ ...fixtureAnswers('node-pnpm-workspace'), buildCommand: 'pnpm run build' }, context));
    expect(dockerfile).toContain('&& pnpm fetch\n');
    expect(dockerfile).toContain('RUN --mount=type=cache,target=/root/.local/share/pnpm/store pnpm --filter ./apps/api... run build && pnpm install --frozen-lockfile --offline --filter ./apps/api... --prod');
  });

  it('a Next.js member keeps next start: its standalone output nests the app path', async () => {
    const context = { repoFiles: ['pnpm-lock.yaml', 'package.json', 'apps/web/package.json', 'apps/web/next.config.mjs'], workspaceApp: 'apps/web', appMetadata: { scripts: { build: 'next build', start: 'next start' }, texts: { 'next.config.mjs': "export default { output: 'standalone' };" } } };
    const { plan } = planStack(answers({ app: 'apps/web', packageManager: 'pnpm', framework: 'next', buildCommand: 'pnpm run build', startCommand: 'pnpm start', port: 3000 }), context);
    expect(plan.cmd).toEqual(['node_modules/.bin/next', 'start']);
    expect(plan.slots.copies).toBeNull();
    expect(plan.slots.workdir).toBe('/app/apps/web');
  });

  it('refuses another package manager for a pnpm workspace member', async () => {
    const context = await fixtureContext('node-pnpm-workspace');
    expect(() => generateFiles({ ...fixtureAnswers('node-pnpm-workspace'), packageManager: 'npm' }, context)).toThrow(GenerateError);
  });
});

describe('static sites', () => {
  it('expose 8080, where nginx-unprivileged listens, whatever port was answered', async () => {
    const dockerfile = dockerfileOf(generateFiles({ ...fixtureAnswers('node-vite'), port: null }, await fixtureContext('node-vite')));
    expect(dockerfile).toContain('\nEXPOSE 8080\n');
  });
});
