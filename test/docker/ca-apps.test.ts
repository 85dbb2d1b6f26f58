import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { caMissing } from '../helpers/ca.js';
import { describeWith, dockerMissing } from '../helpers/requirements.js';
import { DockerLab, docker } from './hardened-app.js';

const lab = new DockerLab('ca-apps');
afterAll(() => lab.cleanup());

interface Case {
  name: string;
  port: number;
  probePath: string;
  /** Build secret carrying the canary, mounted in the install steps as the app's own secrets would be. */
  canary: string;
  /** Files beside the fixture's own (Python's gets a requirements.txt, so pip runs through the CA path). */
  plant?: (dir: string) => void;
  /** Where the real dependency must have landed in the image. */
  installed?: RegExp;
  /** How the CA reaches `build`: saved in .harden-init.json, or the --ca-cert flag. */
  via: 'answers' | 'flag';
}

const CASES: Case[] = [
  { name: 'node-express', port: 3000, probePath: '/health', canary: 'npmrc', installed: /(^|\/)app\/node_modules\/express\/package\.json$/, via: 'answers' },
  {
    name: 'python-stdlib',
    port: 8000,
    probePath: '/health',
    canary: 'pipconf',
    plant: (dir) => writeFileSync(path.join(dir, 'requirements.txt'), '# no third-party packages: PyPI is out of reach here, the install step still runs\n'),
    via: 'flag',
  },
  { name: 'go-http', port: 8080, probePath: '/healthz', canary: 'canary', via: 'answers' },
];

describeWith(dockerMissing ?? caMissing, 'apps whose build installs packages: built through the CA secret, run hardened, no CA or secret in any layer', () => {
  for (const c of CASES) {
    it(`${c.name}: builds with the CA bundle, answers ${c.probePath} as uid 10001 on a read-only root, and no layer holds the CA or the canary`, async () => {
      const ca = await lab.caBundle();
      const canary = lab.canarySecret(c.canary);
      const dir = await lab.generatedApp(c.name, { caCert: ca.file, buildSecrets: [c.canary] }, c.plant);
      const dockerfile = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
      expect(dockerfile).toMatch(/--mount=type=secret,id=ca\b/);
      expect(dockerfile).toContain('if [ -f /run/secrets/ca ]; then');

      const tag = `harden-init-test/ca-${c.name}:${lab.suffix}`;
      const args = ['--secret', canary.spec, ...(c.via === 'flag' ? ['--ca-cert', ca.file] : [])];
      const build = await lab.build(dir, tag, args);
      expect(build.exitCode, `${build.stderr}\n${build.stdout}`.slice(-4000)).toBe(0);
      expect(build.json?.caCert).toBe(ca.file);
      if (c.via === 'answers') expect(build.stderr).toContain(`(caCert in .harden-init.json) as the build secret "ca"`);

      const run = await lab.runHardened(tag, { port: c.port, probePath: c.probePath });
      expect(run.status).toBe(200);
      expect(run.uid).toBe(10001);
      expect(run.user).toBe('10001:10001');
      expect(run.health).toBe('healthy');

      const image = await lab.imageContents(tag, [ca.needle, canary.needle]);
      expect(image.hits).toEqual([]);
      expect(image.files.filter((file) => /(^|\/)(run\/secrets\/.+|tmp\/ca\/.+|\.npmrc|pip\.conf)$/.test(file))).toEqual([]);
      if (c.installed) expect(image.files.some((file) => c.installed!.test(file))).toBe(true);
    }, 600_000);
  }

  it('the layer scan finds a CA that does land in an image, so its silence above means something', async () => {
    const ca = await lab.caBundle();
    writeFileSync(path.join(lab.work, 'leaky.Dockerfile'), 'FROM scratch\nCOPY bundle.pem /etc/leaked.pem\n');
    const tag = `harden-init-test/ca-leaky:${lab.suffix}`;
    lab.onCleanup(() => docker(['rmi', '-f', tag]));
    const built = await docker(['build', '-f', path.join(lab.work, 'leaky.Dockerfile'), '-t', tag, path.dirname(ca.file)]);
    expect(built.exitCode, built.all).toBe(0);
    const image = await lab.imageContents(tag, [ca.needle]);
    expect(image.hits.some((file) => file.endsWith('etc/leaked.pem'))).toBe(true);
  }, 120_000);

  it('without the secret the CA-wired Dockerfile builds as one without the wiring: Go needs no download and builds; npm cannot reach the registry', async () => {
    const ca = await lab.caBundle();
    // Manifests of their own, so no earlier build (with the secret) has these steps cached and no
    // concurrent one shares them: BuildKit keys a step by its inputs, not by the secrets it mounts.
    const unique = (file: string, edit: (text: string) => string) => (dir: string) => writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
    const go = await lab.generatedApp('go-http', { caCert: ca.file }, unique('go.mod', (text) => `${text}// ${lab.suffix}\n`));
    const goTag = `harden-init-test/ca-none-go:${lab.suffix}`;
    lab.onCleanup(() => docker(['rmi', '-f', goTag]));
    const goBuild = await docker(['build', '-t', goTag, '.'], go);
    expect(goBuild.exitCode, goBuild.all?.slice(-3000)).toBe(0);
    expect(goBuild.all).toMatch(/if \[ -f \/run\/secrets\/ca \]; then export SSL_CERT_FILE=\/run\/secrets\/ca GIT_SSL_CAINFO=\/run\/secrets\/ca; fi;\s+go mod download/);

    // This machine's network inspects TLS: npm ci fails just as it does for a Dockerfile without the
    // wiring (an .npmrc secret turns npm's retries off, so it fails at once).
    const retries = lab.canarySecret('npmrc');
    writeFileSync(retries.spec.replace(/^.*src=/, ''), 'fetch-retries=0\n');
    const node = await lab.generatedApp('node-express', { caCert: ca.file, buildSecrets: ['npmrc'] }, unique('package.json', (text) => text.replace('"A tiny HTTP service"', `"A tiny HTTP service (${lab.suffix})"`)));
    const nodeTag = `harden-init-test/ca-none-node:${lab.suffix}`;
    lab.onCleanup(() => docker(['rmi', '-f', nodeTag]));
    const nodeBuild = await docker(['build', '--secret', retries.spec, '-t', nodeTag, '.'], node);
    expect(nodeBuild.exitCode).not.toBe(0);
    expect(nodeBuild.all).toMatch(/npm ci/);
    expect(nodeBuild.all).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT|unable to get local issuer certificate/);
  }, 600_000);
});
