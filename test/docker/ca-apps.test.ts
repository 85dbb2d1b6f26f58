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
  /** What else the canary secret sets (npm: a cache of its own, so the install must reach the registry through the CA). */
  settings?: string;
  /** Files beside the fixture's own (Python's gets a requirements.txt, so pip runs through the CA path). */
  plant?: (dir: string) => void;
  /** Where the real dependency must have landed in the image. */
  installed?: RegExp;
  /** How the CA reaches `build`: saved in .harden-init.json, or the --ca-cert flag. */
  via: 'answers' | 'flag';
}

/**
 * A manifest of its own (per run and per `use`): BuildKit keys a step by its inputs, not by the
 * secrets it mounts, so no other build, earlier or concurrent, can stand in for this install step.
 */
const freshManifest = (use: string) => (dir: string) => {
  const manifest = path.join(dir, 'package.json');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"A tiny HTTP service"', `"A tiny HTTP service (${use} ${lab.suffix})"`));
};

const CASES: Case[] = [
  { name: 'node-express', port: 3000, probePath: '/health', canary: 'npmrc', settings: 'cache=/tmp/npm-cache-of-this-build\n', plant: freshManifest('with the CA'), installed: /(^|\/)app\/node_modules\/express\/package\.json$/, via: 'answers' },
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
      const app = await lab.hardenedApp(c.name, { port: c.port, probePath: c.probePath, canary: c.canary, settings: c.settings, plant: c.plant, caVia: c.via });
      expect(app.dockerfile).toMatch(/--mount=type=secret,id=ca\b/);
      expect(app.dockerfile).toContain('if [ -f /run/secrets/ca ]; then');
      expect(app.build.exitCode, `${app.build.stderr}\n${app.build.stdout}`.slice(-4000)).toBe(0);
      expect(app.build.json?.caCert).toBe(app.ca.file);
      if (c.via === 'answers') expect(app.build.stderr).toContain(`(caCert in .harden-init.json) as the build secret "ca"`);

      expect(app.run).toMatchObject({ status: 200, uid: 10001, user: '10001:10001', health: 'healthy' });
      expect(app.image!.hits).toEqual([]);
      expect(app.image!.files.filter((file) => /(^|\/)(run\/secrets\/.+|tmp\/ca\/.+|\.npmrc|pip\.conf)$/.test(file))).toEqual([]);
      if (c.installed) expect(app.image!.files.some((file) => c.installed!.test(file))).toBe(true);
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
    // Manifests of their own, so no build that had the secret can stand in for these steps.
    const unique = (file: string, edit: (text: string) => string) => (dir: string) => writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
    const go = await lab.generatedApp('go-http', { caCert: ca.file }, unique('go.mod', (text) => `${text}// ${lab.suffix}\n`));
    const goTag = `harden-init-test/ca-none-go:${lab.suffix}`;
    lab.onCleanup(() => docker(['rmi', '-f', goTag]));
    const goBuild = await docker(['build', '-t', goTag, '.'], go);
    expect(goBuild.exitCode, goBuild.all?.slice(-3000)).toBe(0);
    expect(goBuild.all).toMatch(/if \[ -f \/run\/secrets\/ca \]; then export SSL_CERT_FILE=\/run\/secrets\/ca GIT_SSL_CAINFO=\/run\/secrets\/ca; fi;\s+go mod download/);

    // This machine's network inspects TLS: npm ci fails just as it does for a Dockerfile without the
    // wiring. An .npmrc secret points npm at an empty cache (the shared cache mount may hold express
    // from the builds above) and turns its retries off, so it must go to the registry and fails at once.
    const retries = lab.canarySecret('npmrc', 'fetch-retries=0\ncache=/tmp/npm-cache-of-this-build\n');
    const node = await lab.generatedApp('node-express', { caCert: ca.file, buildSecrets: ['npmrc'] }, freshManifest('without the CA'));
    const nodeTag = `harden-init-test/ca-none-node:${lab.suffix}`;
    lab.onCleanup(() => docker(['rmi', '-f', nodeTag]));
    const nodeBuild = await docker(['build', '--secret', retries.spec, '-t', nodeTag, '.'], node);
    expect(nodeBuild.exitCode).not.toBe(0);
    expect(nodeBuild.all).toMatch(/npm ci/);
    expect(nodeBuild.all).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT|unable to get local issuer certificate/);
  }, 600_000);
});
