import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';

describe('no Docker engine', () => {
  const env = { DOCKER_HOST: 'unix:///tmp/harden-init-no-engine.sock' };
  const message = 'harden-init: no Docker engine at /tmp/harden-init-no-engine.sock: start Docker (or set DOCKER_HOST); your files are written\n';

  it('audit exits 3 with the one-line message', async () => {
    const result = await runMain(['audit', 'anything:1'], { env });
    expect(result).toMatchObject({ exitCode: 3, stderr: message, stdout: '' });
  });

  it('build exits 3 with the same message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'harden-init-build-'));
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
    const result = await runMain(['build', dir], { env });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toBe(message);
  });
});
