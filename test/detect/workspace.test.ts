import { describe, expect, it } from 'vitest';
import { UnknownAppError } from '../../src/detect/index.js';
import { globToRegExp } from '../../src/detect/workspace.js';
import { detectFiles, json } from './helpers.js';

const npmWorkspace = {
  'package.json': json({ name: 'mono', private: true, workspaces: ['apps/*', 'packages/*'], scripts: { build: 'turbo run build' }, engines: { node: '>=20' } }),
  'package-lock.json': '{}',
  'turbo.json': '{}',
  '.nvmrc': '22\n',
  'apps/api/package.json': json({ name: 'api', scripts: { start: 'node server.js' }, dependencies: { fastify: '4' } }),
  'apps/api/server.js': 'fastify.listen({ port: 4000 })\n',
  'apps/web/package.json': json({ name: 'web', scripts: { build: 'next build', start: 'next start' }, dependencies: { next: '14' } }),
  'packages/ui/package.json': json({ name: 'ui', main: 'index.js', types: 'index.d.ts' }),
  'packages/ui/index.js': '',
};

describe('workspaces and monorepos', () => {
  it('lists one entry per deployable app of an npm workspace, libraries left out', () => {
    const d = detectFiles(npmWorkspace);
    expect(d.workspace).toBe(true);
    expect(d.apps.map((a) => a.path)).toEqual(['apps/api', 'apps/web']);
    expect(d.evidence).toContainEqual({ file: 'package.json', fact: 'workspaces apps/*, packages/* (turbo.json): 3 members' });
    expect(d.warnings).toContainEqual(expect.stringContaining('pass --app <path> to choose one'));
  });

  it('gives each app its own facts, inheriting lockfile and version pins from the root', () => {
    const d = detectFiles(npmWorkspace);
    const api = d.apps.find((a) => a.path === 'apps/api')!;
    expect(api).toMatchObject({ language: 'node', packageManager: 'npm', version: '22', framework: 'fastify', start: 'node server.js', install: 'npm ci', port: 4000 });
    expect(api.evidence).toContainEqual({ file: '.nvmrc', fact: '22' });
    expect(d.apps.find((a) => a.path === 'apps/web')).toMatchObject({ framework: 'next', start: 'npm start', port: 3000, build: 'npm run build' });
  });

  it('--app makes the top-level fields describe that app', () => {
    const d = detectFiles(npmWorkspace, './apps/web/');
    expect(d).toMatchObject({ framework: 'next', port: 3000, workspace: true });
    expect(d.apps).toHaveLength(2);
    expect(d.evidence.some((e) => e.file.startsWith('apps/web/'))).toBe(true);
    expect(d.warnings.some((w) => w.includes('pass --app'))).toBe(false);
  });

  it('--app of a missing directory throws UnknownAppError listing the apps', () => {
    expect(() => detectFiles(npmWorkspace, 'apps/nope')).toThrow(UnknownAppError);
    try {
      detectFiles(npmWorkspace, 'apps/nope');
    } catch (error) {
      expect((error as UnknownAppError).apps).toEqual(['apps/api', 'apps/web']);
    }
  });

  it('reads pnpm-workspace.yaml', () => {
    const d = detectFiles({
      'package.json': json({ private: true }),
      'pnpm-lock.yaml': '',
      'pnpm-workspace.yaml': "packages:\n  - 'services/*'\n  - '!services/legacy'\n",
      'services/a/package.json': json({ scripts: { start: 'node a.js' } }),
      'services/legacy/package.json': json({ scripts: { start: 'node l.js' } }),
    });
    expect(d).toMatchObject({ workspace: true, packageManager: 'pnpm' });
    expect(d.apps.map((a) => [a.path, a.packageManager, a.install])).toEqual([['services/a', 'pnpm', 'pnpm install --frozen-lockfile']]);
  });

  it('reads go.work', () => {
    const d = detectFiles({ 'go.work': 'go 1.23\n\nuse (\n\t./api\n\t./shared\n)\n', 'api/go.mod': 'module api\ngo 1.23\n', 'api/main.go': 'package main\n', 'shared/go.mod': 'module shared\n', 'shared/lib.go': 'package shared\n' });
    expect(d).toMatchObject({ language: 'go', workspace: true, version: '1.27' });
    expect(d.apps.map((a) => a.path)).toEqual(['api']);
  });

  it('reads cargo workspaces with globs', () => {
    const d = detectFiles({ 'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n', 'crates/bin/Cargo.toml': '[package]\nname = "bin"\n', 'crates/bin/src/main.rs': '', 'crates/lib/Cargo.toml': '[package]\nname = "lib"\n', 'crates/lib/src/lib.rs': '' });
    expect(d).toMatchObject({ language: 'rust', workspace: true });
    expect(d.apps.map((a) => [a.path, a.start])).toEqual([['crates/bin', './target/release/bin']]);
  });

  it('reads uv workspaces', () => {
    const d = detectFiles({
      'pyproject.toml': '[project]\nname = "root"\n[tool.uv.workspace]\nmembers = ["packages/*"]\n',
      'uv.lock': '',
      'packages/svc/pyproject.toml': '[project]\nname = "svc"\ndependencies = ["flask", "gunicorn"]\n',
      'packages/svc/app.py': 'app = Flask(__name__)\n',
    });
    expect(d.workspace).toBe(true);
    expect(d.apps).toMatchObject([{ path: 'packages/svc', language: 'python', packageManager: 'uv', framework: 'flask' }]);
  });

  it('finds an app that lives in a subdirectory of an otherwise empty repo', () => {
    const d = detectFiles({ 'hello/sub/package.json': json({ scripts: { start: 'node index.js' } }), 'hello/sub/index.js': '' });
    expect(d).toMatchObject({ language: 'node', start: 'node index.js', workspace: false });
    expect(d.apps.map((a) => a.path)).toEqual(['hello/sub']);
    expect(d.warnings).toContainEqual('nothing to build at the top; the app is in hello/sub: pass --app hello/sub');
  });

  it('expands workspace globs like the package managers do', () => {
    expect(globToRegExp('apps/*').test('apps/api')).toBe(true);
    expect(globToRegExp('apps/*').test('apps/api/nested')).toBe(false);
    expect(globToRegExp('packages/**').test('packages/a/b')).toBe(true);
    expect(globToRegExp('./svc/').test('svc')).toBe(true);
  });
});
