import { describe, expect, it } from 'vitest';
import { extendDockerignore, SECRET_PATTERNS, suggestComposeHardening } from '../../src/retrofit/index.js';
import dockerignoreModule from '@balena/dockerignore';

const dockerignore = ((dockerignoreModule as unknown as { default?: typeof dockerignoreModule }).default ?? dockerignoreModule) as unknown as (o?: object) => { add(p: string[]): { ignores(p: string): boolean } };

describe('extendDockerignore', () => {
  it('keeps every existing line and adds the secret patterns it lacks', () => {
    const existing = '# mine\nnode_modules\n.git\n!keep.pem\n';
    const result = extendDockerignore(existing);
    expect(result.text.startsWith(existing)).toBe(true);
    expect(result.added).not.toContain('.git');
    expect(result.added).toContain('**/.env');
    const rules = dockerignore().add(result.text.split('\n'));
    expect(rules.ignores('.env')).toBe(true);
    expect(rules.ignores('config/.env.production')).toBe(true);
    expect(rules.ignores('certs/server.key')).toBe(true);
    expect(rules.ignores('src/index.js')).toBe(false);
  });

  it('never hides a path the Dockerfile copies', () => {
    const result = extendDockerignore('', SECRET_PATTERNS, ['./config/tls.pem', 'src/', '.npmrc']);
    expect(result.skipped.map((s) => s.pattern).sort()).toEqual(['**/*.pem', '**/.npmrc']);
    const rules = dockerignore().add(result.text.split('\n'));
    expect(rules.ignores('config/tls.pem')).toBe(false);
    expect(rules.ignores('.npmrc')).toBe(false);
    expect(rules.ignores('.env')).toBe(true);
  });

  it('changes nothing when everything is already there', () => {
    const full = SECRET_PATTERNS.join('\n') + '\n';
    expect(extendDockerignore(full)).toEqual({ text: full, added: [], skipped: [] });
  });
});

describe('suggestComposeHardening', () => {
  const compose = `# local stack
services:
  web:
    build: .
    ports:
      - "3000:3000"
    cap_drop: [NET_RAW]
  db:
    image: postgres:16
  worker:
    build:
      context: .
      dockerfile: Dockerfile
    user: root
`;

  it('hardens the services that build the Dockerfile and keeps comments and other services', () => {
    const result = suggestComposeHardening(compose, { uid: 10001, writableDirs: ['/tmp', '/app/cache'] });
    expect(result.services).toEqual(['web', 'worker']);
    expect(result.text).toContain('# local stack');
    expect(result.text).toContain('read_only: true');
    expect(result.text).toMatch(/cap_drop: \[ NET_RAW, ALL \]|cap_drop:\s*\n\s*- NET_RAW\n\s*- ALL/);
    expect(result.text).toContain('no-new-privileges:true');
    expect(result.text).toContain('user: 10001:10001');
    expect(result.text).toContain('- /app/cache');
    expect(result.text).toMatch(/db:\n    image: postgres:16\n  worker/);
    expect(result.kept).toEqual(['worker: user is root (root); set it to "10001:10001"']);
    expect(result.diff).toContain('+    read_only: true');
  });

  it('returns no diff for files it cannot read or that build nothing', () => {
    expect(suggestComposeHardening('services: [oops').diff).toBe('');
    expect(suggestComposeHardening('services:\n  db:\n    image: redis:7\n').diff).toBe('');
  });
});
