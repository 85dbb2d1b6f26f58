import { afterAll, expect, it } from 'vitest';
import { hostCaBundle } from '../helpers/ca.js';
import { describeDocker } from '../helpers/requirements.js';
import { DockerLab } from './hardened-app.js';

const lab = new DockerLab('generated');
afterAll(() => lab.cleanup());

describeDocker('harden-init build --run on the generated fixtures', () => {
  for (const name of ['node-express', 'python-stdlib', 'go-http']) {
    it(`${name}: builds through the stand-in bases, audits clean, smoke-runs healthy as non-root`, async () => {
      // This machine's CA bundle, saved in the answers: the express fixture installs from the npm registry.
      const dir = await lab.generatedApp(name, { caCert: hostCaBundle });
      const tag = `harden-init-test/generated-${name}:${lab.suffix}`;
      const result = await lab.build(dir, tag, ['--run']);
      expect(result.exitCode, `${result.stderr}\n${result.stdout}`).toBe(0);
      const json = result.json as { audit: { findings: Array<{ level: string }> }; run: { uid: number } };
      const serious = json.audit.findings.filter((f) => f.level === 'error' || f.level === 'warning');
      expect(serious).toEqual([]);
      expect(json.run).toMatchObject({ ok: true, readiness: 'healthy' });
      expect(json.run.uid).toBeGreaterThan(0);
    }, 600_000);
  }
});
