import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/paths.js';

describe('output into a pipe its reader closes (`| head`)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hi-pipe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops quietly with 141, as Unix tools do, instead of a stack trace', async () => {
    // Thousands of findings: far more JSON than a pipe buffers.
    const dockerfile = path.join(dir, 'Dockerfile');
    writeFileSync(dockerfile, `FROM debian\n${'RUN apt-get update && apt-get install curl\n'.repeat(3000)}`);
    const child = spawn(process.execPath, [binPath, 'lint', '--format', 'json', dockerfile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk, then go away like `head -c`.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  }, 60_000);
});
