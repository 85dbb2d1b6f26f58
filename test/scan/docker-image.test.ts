import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EnvironmentError, ExternalError } from '../../src/cli/errors.js';
import { Engine } from '../../src/docker/engine.js';
import { connectEngine, inspectImage, readImageFacts } from '../../src/scan/docker-image.js';
import { describeDocker } from '../helpers/requirements.js';

const BASE = '127.0.0.1:5000/library/debian:13.2-slim';
const DOCKER = '/usr/bin/docker';

async function diffIdsOf(ref: string): Promise<string[]> {
  return JSON.parse((await execa(DOCKER, ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', ref])).stdout);
}

/** The scan's image facts come from the engine adapter (src/docker/engine.ts), checked against `docker image inspect`. */
describeDocker('scan image facts through the engine adapter', () => {
  const pushed = `127.0.0.1:5000/harden-init-test/scan-pull:${randomBytes(4).toString('hex')}`;
  let engine: Engine;

  beforeAll(async () => {
    engine = await connectEngine(process.env);
    await execa(DOCKER, ['tag', BASE, pushed]);
    await execa(DOCKER, ['push', '-q', pushed]);
    await execa(DOCKER, ['rmi', pushed]);
  }, 120_000);

  afterAll(async () => {
    await execa(DOCKER, ['rmi', pushed], { reject: false });
  });

  it('reads diff ids, labels and a history whose layer-making entries match the layers', async () => {
    const facts = await readImageFacts(engine, BASE);
    expect(facts).not.toBeNull();
    expect(facts?.diffIds).toEqual(await diffIdsOf(BASE));
    expect(facts?.history.filter((h) => !h.emptyLayer)).toHaveLength(facts?.diffIds.length ?? -1);
    expect(facts?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is null for an image the engine does not have, unless asked to pull it', async () => {
    expect(await readImageFacts(engine, pushed)).toBeNull();
    const pulled = await inspectImage(pushed, process.env, true);
    expect(pulled?.diffIds).toEqual(await diffIdsOf(BASE));
  }, 120_000);

  it('a pull that fails is an exit-3 error naming the image', async () => {
    const missing = '127.0.0.1:5000/harden-init-test/no-such-image:0';
    const error = await readImageFacts(engine, missing, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).exitCode).toBe(3);
    expect((error as ExternalError).oneLine()).toMatch(/^harden-init: cannot pull 127\.0\.0\.1:5000\/harden-init-test\/no-such-image:0: .*docker pull/);
  }, 60_000);

  it('no engine at DOCKER_HOST: exit 3, saying how to scan without one', async () => {
    const error = await inspectImage(BASE, { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).oneLine()).toMatch(/no Docker engine at \/nonexistent\/docker\.sock .*--from-report/);
  });
});
