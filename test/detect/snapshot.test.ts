import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../src/detect/index.js';
import { readRepoSnapshot } from '../../src/detect/snapshot.js';

let base: string;
let repo: string;
let outside: string;

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'harden-init-snapshot-'));
  repo = path.join(base, 'repo');
  outside = path.join(base, 'outside');
  write(outside, { 'secret.txt': 'TOKEN=abc', 'pkg/package.json': '{"name":"outside"}' });
  write(repo, {
    'package.json': JSON.stringify({ name: 'app', scripts: { start: 'node index.js' } }),
    'index.js': 'app.listen(3000)',
    '.gitignore': 'generated/\n*.log\n.env\n',
    '.env': 'SECRET=1',
    'debug.log': 'x',
    'generated/package.json': '{}',
    'node_modules/express/package.json': '{}',
    'vendor/a/composer.json': '{}',
    'target/x/Cargo.toml': '',
    'dist/index.html': '',
    '.venv/lib/site.py': '',
    '.git/config': '',
    'services/api/.gitignore': 'tmp/\n',
    'services/api/tmp/keep.txt': '',
    'services/api/main.go': 'package main',
  });
  symlinkSync(path.join(outside, 'secret.txt'), path.join(repo, 'leak.txt'));
  symlinkSync(path.join(outside, 'pkg'), path.join(repo, 'linked-pkg'));
  symlinkSync(path.join(repo, 'index.js'), path.join(repo, 'alias.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('readRepoSnapshot', () => {
  it('never walks dependency, build output, VCS or virtualenv directories', async () => {
    const snapshot = await readRepoSnapshot(repo);
    for (const dir of ['node_modules/', 'vendor/', 'target/', 'dist/', '.venv/', '.git/']) {
      expect(snapshot.files.filter((f) => f.startsWith(dir))).toEqual([]);
    }
    expect(snapshot.files).toContain('package.json');
    expect(snapshot.files).toContain('services/api/main.go');
  });

  it('honours .gitignore files at every level, keeping ignored file names for secret checks only', async () => {
    const snapshot = await readRepoSnapshot(repo);
    expect(snapshot.files).not.toContain('generated/package.json');
    expect(snapshot.files).not.toContain('debug.log');
    expect(snapshot.files).not.toContain('services/api/tmp/keep.txt');
    expect(snapshot.ignoredFiles).toEqual(expect.arrayContaining(['.env', 'debug.log']));
    expect(snapshot.read('.env')).toBeNull();
  });

  it('never follows a symlink out of the repository', async () => {
    const snapshot = await readRepoSnapshot(repo);
    expect(snapshot.files).not.toContain('leak.txt');
    expect(snapshot.files.some((f) => f.startsWith('linked-pkg'))).toBe(false);
    expect(snapshot.read('leak.txt')).toBeNull();
    expect(snapshot.notes).toContainEqual('skipped leak.txt: a symlink to outside the repository');
    expect(snapshot.files).toContain('alias.js');
    expect(snapshot.read('alias.js')).toBe('app.listen(3000)');
  });

  it('reads at most maxBytes and stops listing at maxFiles with a note', async () => {
    const snapshot = await readRepoSnapshot(repo, { maxFiles: 3 });
    expect(snapshot.files).toHaveLength(3);
    expect(snapshot.notes).toContainEqual('listed the first 3 files only');
    const full = await readRepoSnapshot(repo);
    expect(full.read('index.js', 3)).toBe('app');
  });

  it('rejects a missing directory', async () => {
    await expect(readRepoSnapshot(path.join(base, 'missing'))).rejects.toThrow();
  });
});

describe('detection on disk stays robust', () => {
  it.each([
    ['package.json', '{\n  "name": "x",\n  "scripts": {\n    "start": "node a.js",\n  }\n}\n', /^package\.json:5: not valid JSON/],
    ['pyproject.toml', '[project]\nname = "x"\nrequires-python = >=3.11\n', /^pyproject\.toml:3: not valid TOML/],
    ['pom.xml', '<project>\n  <artifactId>x</artifactId>\n  <version>1</versio>\n</project>\n', /^pom\.xml:3: not valid XML/],
    ['Cargo.toml', '[package\nname = "x"\n', /^Cargo\.toml:1: not valid TOML/],
    ['pnpm-workspace.yaml', 'packages:\n  - "apps/*\n', /^pnpm-workspace\.yaml:\d+: not valid YAML/],
  ])('malformed %s gives a warning with file and line, not a crash', async (file, text, warning) => {
    const dir = path.join(base, `malformed-${file.replace(/\W/g, '-')}`);
    write(dir, { [file]: text, ...(file === 'pnpm-workspace.yaml' ? { 'package.json': '{}' } : {}) });
    const d = await detect(dir);
    expect(d.warnings).toContainEqual(expect.stringMatching(warning));
  });

  it('detects the repo above with its facts and reports the skipped symlink', async () => {
    const d = await detect(repo);
    expect(d).toMatchObject({ language: 'node', start: 'node index.js', port: 3000 });
    expect(d.warnings).toContain('skipped leak.txt: a symlink to outside the repository');
  });
});

describe('detection with manifests of the wrong shape', () => {
  const shapes = ['[]', '"text"', '42', 'null', '{"scripts": "x", "engines": [], "workspaces": {"packages": 5}, "dependencies": ["a"], "packageManager": 7}'];
  it.each(shapes)('never crashes on JSON manifests holding %s', async (text) => {
    const { detectFiles } = await import('./helpers.js');
    const files = { 'package.json': text, 'composer.json': text, 'deno.json': text, 'global.json': text, 'lerna.json': text, 'Api.csproj': '<Project><PropertyGroup><TargetFramework/></PropertyGroup><PropertyGroup/></Project>' };
    expect(() => detectFiles(files)).not.toThrow();
    expect(() => detectFiles({ ...files, 'apps/x/package.json': text }, 'apps/x')).not.toThrow();
  });

  it('never crashes on TOML and YAML manifests of the wrong shape', async () => {
    const { detectFiles } = await import('./helpers.js');
    const files = {
      'pyproject.toml': 'project = "x"\ntool = 3\n',
      'Cargo.toml': 'package = 1\nworkspace = "all"\nbin = "x"\n',
      'Pipfile': 'requires = []\npackages = "x"\n',
      'mise.toml': 'tools = "node"\n',
      'rust-toolchain.toml': 'toolchain = 1\n',
      'pnpm-workspace.yaml': 'packages: 5\n',
      'package.json': '{}',
    };
    expect(() => detectFiles(files)).not.toThrow();
  });
});
