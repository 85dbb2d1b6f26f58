import { describe, expect, it } from 'vitest';
import type { Detection } from '../../src/detect/types.js';
import { isAsked, questionById } from '../../src/questions/model.js';
import { questionContext, resolveAnswers, type ResolveInput } from '../../src/questions/resolve.js';

const detection: Detection = {
  language: 'node', packageManager: 'npm', version: '22', framework: 'express', build: null, start: 'node src/server.js', install: 'npm ci',
  port: 3000, healthcheck: null, workspace: false, apps: [], evidence: [], warnings: [],
};
const input = (over: Partial<ResolveInput> = {}): ResolveInput => ({
  flags: {}, detection, metadata: { title: 'shop', author: 'Shop <sec@shop.example>' }, gitEmail: null, now: new Date('2025-03-15T10:20:30Z'), ...over,
});
const envBundle = { path: '/etc/ssl/certs/ca-certificates.crt', variable: 'NODE_EXTRA_CA_CERTS' };

describe('the CA bundle question', () => {
  const question = questionById('caCert');

  it('is asked only when the environment names a bundle, which it offers; --yes takes it', () => {
    expect(isAsked(question, questionContext(input(), {}))).toBe(false);
    const ctx = questionContext(input({ caBundle: envBundle }), {});
    expect(isAsked(question, ctx)).toBe(true);
    expect(question.default(ctx)).toBe(envBundle.path);
    expect(question.prompt).toMatch(/CA bundle.*\?$/);
    expect(resolveAnswers(input({ caBundle: envBundle })).caCert).toBe(envBundle.path);
  });

  it('defaults to none without a bundle in the environment, and the flag sets it either way', () => {
    expect(resolveAnswers(input()).caCert).toBeNull();
    expect(resolveAnswers(input({ flags: { caCert: '/corp/ca.pem' } })).caCert).toBe('/corp/ca.pem');
    expect(resolveAnswers(input({ caBundle: envBundle, flags: { caCert: 'none' } })).caCert).toBeNull();
    expect(resolveAnswers(input({ caBundle: envBundle, flags: { caCert: '/corp/ca.pem' } })).caCert).toBe('/corp/ca.pem');
  });

  it('an answers file keeps its own caCert (or its absence) and the flag overrides it', () => {
    const file = (data: Record<string, unknown>) => ({ path: 'answers.json', data: { language: 'node', startCommand: 'node a.js', base: 'distroless', security: { contact: 'mailto:a@b.example' }, ...data } });
    expect(resolveAnswers(input({ answersFile: file({ caCert: 'certs/ca.pem' }) })).caCert).toBe('certs/ca.pem');
    expect(resolveAnswers(input({ answersFile: file({}) })).caCert).toBeNull();
    expect(resolveAnswers(input({ answersFile: file({ caCert: 'certs/ca.pem' }), flags: { caCert: 'none' } })).caCert).toBeNull();
  });

  it('takes a path or none; the flag is --ca-cert <file>', () => {
    const ctx = questionContext(input({ caBundle: envBundle }), {});
    expect(question.validate('none', ctx)).toBeNull();
    expect(question.validate('./certs/corp.pem', ctx)).toBeNull();
    expect(question.validate('', ctx)).toMatch(/path of a PEM file/);
    expect(question.flag).toMatchObject({ long: '--ca-cert', key: 'caCert', arg: '<file>' });
  });
});
