import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../e2e/fixture.js';
import { ENTER, startPlain } from './session.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function session() {
  const dir = await makeNodeApp();
  dirs.push(dir);
  return { dir, session: startPlain(dir, { pin: false }) };
}

/** Presses Enter on each prompt until `last` shows, returning the prompts seen on the way. */
async function enterUntil(plain: ReturnType<typeof startPlain>, last: string): Promise<string> {
  for (;;) {
    const fresh = await plain.waitFor(/(^|\n)\? [^\n]*/);
    if (fresh.includes(last)) return plain.output();
    plain.send(ENTER);
    await plain.waitFor('✔');
  }
}

describe('--plain follows the same rule as the wizard', () => {
  it('shows what was detected; Enter accepts it and asks only the base image and the security contact', async () => {
    const { dir, session: plain } = await session();
    const summary = await plain.waitFor('Accept these answers?');
    expect(summary).toMatch(/runtime version\s+\d+\n/);
    expect(summary).toMatch(/port\s+3000\n/);
    expect(summary).toMatch(/health check\s+none \(not found in the code\)\n/);
    expect(summary).toContain('Defaults for the rest: build secrets none · user id 10001 · app folder /app');
    expect(summary).toContain('Yes (Enter) accepts these answers, then asks the base image and the security contact; no goes through every answer, one by one.');
    plain.send(ENTER);
    await plain.waitFor('✔');
    const output = await enterUntil(plain, 'Write 5 files?');
    const questions = [...output.matchAll(/✔ ([^?\n]*\?)/g)].map((match) => match[1]);
    expect(questions).toEqual(['Accept these answers?', 'Which base should the final image use?', 'Where should security researchers report vulnerabilities?']);
    plain.send(ENTER);
    expect((await plain.run).kind).toBe('done');
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toContain('USER 10001:10001');
  });

  it('no goes through every answer, one by one', async () => {
    const { dir, session: plain } = await session();
    await plain.waitFor('Accept these answers?');
    plain.send(`n${ENTER}`);
    await plain.waitFor('✔');
    const output = await enterUntil(plain, 'Write 5 files?');
    for (const prompt of ['Which language is the app written in?', 'Which numeric user id should the app run as?', 'When should security.txt expire?']) {
      expect(output).toContain(prompt);
    }
    plain.send(ENTER);
    expect((await plain.run).kind).toBe('done');
    expect(existsSync(path.join(dir, '.harden-init.json'))).toBe(true);
  });
});
