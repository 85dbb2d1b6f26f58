// Real Node apps with real dependencies, taken as a new user takes them: `harden-init --yes
// --registry 127.0.0.1:5000 --ca-cert <bundle>`, then `harden-init build --ca-cert <bundle>`. Each
// image must answer its health route as uid 10001 on a read-only root without capabilities, and no
// layer may hold the CA or a canary build secret.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { caMissing } from '../helpers/ca.js';
import { runCli } from '../helpers/cli.js';
import { describeWith, dockerMissing } from '../helpers/requirements.js';
import { appsDir } from '../generate/helpers.js';
import { DockerLab, REGISTRY } from './hardened-app.js';

const lab = new DockerLab('real-apps');
afterAll(() => lab.cleanup());

interface Case {
  name: string;
  /** Where harden-init writes (a workspace app's folder); detection must pick it by itself. */
  app: string;
  /** The port detection finds. */
  port: number;
  health: string;
  tmpfs?: string[];
  /** What must have landed in the image: the dependency the app runs on. */
  installed: RegExp;
}

const CASES: Case[] = [
  { name: 'node-fastify-yarn', app: '.', port: 8080, health: '/health', installed: /(^|\/)app\/node_modules\/fastify\/package\.json$/ },
  { name: 'node-next', app: '.', port: 3000, health: '/health', tmpfs: ['/tmp', '/app/.next/cache'], installed: /(^|\/)app\/node_modules\/next\/package\.json$/ },
  { name: 'node-vite', app: '.', port: 8080, health: '/healthz', installed: /(^|\/)usr\/share\/nginx\/html\/assets\/index-[\w-]+\.js$/ },
  { name: 'node-nest-pnpm', app: '.', port: 3000, health: '/health', installed: /(^|\/)app\/node_modules\/\.pnpm\/@nestjs\+core@[^/]+\/node_modules\/@nestjs\/core\/package\.json$/ },
  { name: 'node-pnpm-workspace', app: 'apps/api', port: 4000, health: '/healthz', installed: /(^|\/)app\/node_modules\/\.pnpm\/express@[^/]+\/node_modules\/express\/package\.json$/ },
  { name: 'node-yarn-berry', app: '.', port: 5050, health: '/health', installed: /(^|\/)app\/node_modules\/koa\/package\.json$/ },
];

describeWith(dockerMissing ?? caMissing, 'real Node apps: --yes, build through the CA, run hardened, no CA or secret in any layer', () => {
  for (const c of CASES) {
    it(`${c.name}: installs its dependencies through the CA, answers ${c.health} as uid 10001 read-only, and no layer holds the CA or the canary`, async () => {
      const ca = await lab.caBundle();
      const canary = lab.canarySecret('canary');
      const dir = path.join(lab.work, c.name);
      cpSync(path.join(appsDir, c.name), dir, { recursive: true, filter: (src) => !/[/\\](expected|answers\.json)$/.test(src) });
      const contextCanary = `${canary.needle}_in_context`;
      writeFileSync(path.join(dir, '.env.production'), `API_TOKEN=${contextCanary}\n`);

      const init = await runCli(
        [dir, '--yes', '--registry', REGISTRY, '--ca-cert', ca.file, '--healthcheck', c.health, '--build-secret', 'canary', '--contact', 'mailto:security@example.com'],
        { timeout: 120_000 },
      );
      expect(init.exitCode, init.stderr).toBe(0);
      const appDir = path.join(dir, c.app);
      expect(existsSync(path.join(appDir, 'Dockerfile')), `${c.app}/Dockerfile`).toBe(true);
      expect(readFileSync(path.join(appDir, 'Dockerfile'), 'utf8')).toMatch(/--mount=type=secret,id=ca\b/);
      const lint = await runCli(['lint', path.join(appDir, 'Dockerfile'), '--format', 'json']);
      expect(JSON.parse(lint.stdout), lint.stderr).toEqual([]);

      const tag = `harden-init-test/${c.name}:${lab.suffix}`;
      const build = await lab.build(appDir, tag, ['--ca-cert', ca.file, '--secret', canary.spec]);
      expect(build.exitCode, `${build.stderr}\n${build.stdout}`.slice(-4000)).toBe(0);

      const run = await lab.runHardened(tag, { port: c.port, probePath: c.health, tmpfs: c.tmpfs });
      expect(run.status).toBe(200);
      expect(run.uid).toBe(10001);
      expect(run.user).toBe('10001:10001');
      expect(run.health).toBe('healthy');
      // The node apps say who they run as; nginx's workers are checked through the uid above.
      if (c.name !== 'node-vite') expect(JSON.parse(run.body)).toEqual({ status: 'ok', uid: 10001 });

      const image = await lab.imageContents(tag, [ca.needle, canary.needle, contextCanary]);
      expect(image.hits).toEqual([]);
      expect(image.files.filter((file) => /(^|\/)(run\/secrets\/.+|tmp\/ca\/.+|app\/(apps\/api\/)?(\.env[^/]*|\.npmrc))$/.test(file))).toEqual([]);
      expect(image.files.some((file) => c.installed.test(file)), `${c.installed} in the image`).toBe(true);
    }, 1_200_000);
  }
});
