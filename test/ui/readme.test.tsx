import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { createInitActions } from '../../src/write/run.js';
import { repoRoot } from '../helpers/paths.js';
import { baseInput } from './fixtures.js';
import { KEY, press, waitForText } from './keys.js';

const dirs: string[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The README's wizard screenshots: its `text` blocks that start with the wizard's header. */
async function screenshots(): Promise<string[]> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
  return [...readme.matchAll(/```text\n(harden-init step [\s\S]*?)```/g)].map((match) => match[1].trimEnd());
}

/** The app the README's screenshots show: an Express app with a health route, no runtime version pinned. */
async function readmeApp(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'harden-init-readme-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'src'));
  const pkg = { name: 'shop', version: '1.0.0', author: 'Shop Team <security@shop.example>', scripts: { start: 'node src/server.js' }, dependencies: { express: '^4.21.2' } };
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg));
  await writeFile(path.join(dir, 'package-lock.json'), JSON.stringify({ name: 'shop', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'shop', version: '1.0.0' } } }));
  const server = [
    "const express = require('express');",
    '',
    'const app = express();',
    'const port = process.env.PORT || 3000;',
    '',
    'app.use(express.json());',
    '',
    "app.get('/', (req, res) => {",
    "  res.send('ok');",
    '});',
    '',
    "app.get('/healthz', (req, res) => res.sendStatus(204));",
    '',
    'app.listen(port);',
  ];
  await writeFile(path.join(dir, 'src/server.js'), `${server.join('\n')}\n`);
  return dir;
}

const trimmed = (frame: string) => frame.split('\n').map((line) => line.trimEnd()).join('\n').trimEnd();

describe('README', () => {
  it('shows the wizard as it is: the detect screen, then the base image question after the runtime version', async () => {
    const [detect, base, ...rest] = await screenshots();
    expect(rest).toEqual([]);
    const instance = render(<App input={baseInput()} actions={createInitActions(await readmeApp())} dirLabel="this folder" color={false} onExit={() => {}} />);
    expect(trimmed(await waitForText(instance, 'Found in'))).toBe(detect);
    await press(instance, KEY.enter, 'Which runtime version');
    expect(trimmed(await press(instance, KEY.enter, 'Which base'))).toBe(base);
  });
});
