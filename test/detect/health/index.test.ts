import { describe, expect, it } from 'vitest';
import { fixedPath, healthEvidence, joinPath, pickHealthRoute, type RouteCandidate } from '../../../src/detect/health/index.js';
import { MAX_SOURCE_BYTES, MAX_SOURCE_FILES, maskC, maskPython, sourceFile } from '../../../src/detect/health/source.js';
import { detectFiles } from '../helpers.js';
import { json, node } from './helpers.js';

const route = (path: string, extra: Partial<RouteCandidate> = {}): RouteCandidate => ({ path, file: 'app.js', line: 1, code: `app.get('${path}')`, ...extra });

describe('choosing among health routes', () => {
  it('takes /healthz, /health, /livez, /ready, /readyz, /ping in that order, by the last segment', () => {
    expect(pickHealthRoute([route('/ping'), route('/ready'), route('/livez')])?.chosen.path).toBe('/livez');
    expect(pickHealthRoute([route('/api/health'), route('/healthz')])?.chosen.path).toBe('/healthz');
    expect(pickHealthRoute([route('/v1/health'), route('/health')])?.chosen.path).toBe('/health');
    expect(pickHealthRoute([route('/status'), route('/'), route('/users')])).toBeNull();
  });

  it('takes a route the code declares a health check whatever its name, and ignores paths a probe cannot request', () => {
    expect(pickHealthRoute([route('/ping'), route('/status', { declared: true })])?.chosen.path).toBe('/status');
    expect(pickHealthRoute([route('/health/:id'), route('/health/{id}'), route('/health/*'), route('/health?x=1')])).toBeNull();
    expect(fixedPath('/actuator/health')).toBe(true);
    expect(fixedPath('health')).toBe(false);
  });

  it('lists each other path once', () => {
    const picked = pickHealthRoute([route('/health'), route('/ping'), route('/ping', { line: 9 }), route('/health', { line: 5 })]);
    expect(picked?.others.map((r) => `${r.path}:${r.line}`)).toEqual(['/ping:1']);
  });

  it('joins prefixes as routers do', () => {
    expect(joinPath('/api', '/health')).toBe('/api/health');
    expect(joinPath('/health', '/')).toBe('/health');
    expect(joinPath('', 'health/')).toBe('/health/');
    expect(joinPath('/', '')).toBe('/');
    expect(joinPath('api/', 'v1', '/ready')).toBe('/api/v1/ready');
  });
});

describe('reading sources', () => {
  it('blanks comments but keeps strings, offsets and lines', () => {
    const text = "const u = 'http://x'; // app.get('/health')\n/* a\n b */ app.get(\"/ping\")";
    const masked = maskC(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toContain("'http://x'");
    expect(masked).not.toContain('/health');
    expect(masked.split('\n')).toHaveLength(3);
    expect(masked).toContain('app.get("/ping")');
    expect(maskPython("x = '#not'  # @app.get('/a')\n'''doc\n@app.get('/b')'''\n")).toBe("x = '#not'                  \n   " + '   \n' + '              ' + '   \n');
    const file = sourceFile('a.js', 'a.js', 'one\ntwo\nthree', 'c');
    expect([file.lineOf(0), file.lineOf(4), file.lineOf(8), file.lineOf(12)]).toEqual([1, 2, 3, 3]);
  });

  it(`reads at most ${MAX_SOURCE_FILES} files and ${MAX_SOURCE_BYTES / 1024} KiB of each`, () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < MAX_SOURCE_FILES; i++) many[`src/a/f${String(i).padStart(3, '0')}.js`] = '';
    many['src/z/late.js'] = "const router = require('express').Router();\nrouter.get('/health', h);\nmodule.exports = router;\n";
    expect(node(many).healthcheck).toBeNull();
    delete many['src/a/f000.js'];
    expect(node(many).healthcheck).toBe('/health');
    const padded = `${' '.repeat(MAX_SOURCE_BYTES)}\napp.get('/health', h);\n`;
    expect(node({ 'server.js': padded }).healthcheck).toBeNull();
  });

  it('leaves a workspace member its own route: the member has it, the root does not', () => {
    const d = detectFiles({
      'package.json': json({ private: true, workspaces: ['apps/*'], scripts: { start: 'node server.js' } }),
      'server.js': "const app = require('express')();\napp.listen(3000);\n",
      'apps/api/package.json': json({ scripts: { start: 'node index.js' }, dependencies: { express: '4' } }),
      'apps/api/index.js': "const app = require('express')();\napp.get('/healthz', h);\napp.listen(4000);\n",
    });
    expect(d.healthcheck).toBeNull();
    const api = d.apps.find((app) => app.path === 'apps/api')!;
    expect(api.healthcheck).toBe('/healthz');
    expect(healthEvidence(api.evidence)).toEqual({ file: 'apps/api/index.js', line: 2, fact: "health route app.get('/healthz')" });
    const member = { 'package.json': json({ workspaces: ['apps/*'] }), 'apps/api/package.json': json({ scripts: { start: 'node index.js' } }), 'apps/api/index.js': "app.get('/ping', h);\n" };
    expect(detectFiles(member, 'apps/api').healthcheck).toBe('/ping');
  });

  it('finds nothing for stacks it has no scanner for', () => {
    expect(detectFiles({ Gemfile: "gem 'sinatra'\n", 'app.rb': "get '/health' do\n  'ok'\nend\n" }).healthcheck).toBeNull();
  });
});
