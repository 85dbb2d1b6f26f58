import { describe, expect, it } from 'vitest';
import type { Detection } from '../../src/detect/types.js';
import { QUESTIONS, askedOnAccept, questionById } from '../../src/questions/model.js';
import { presetAnswers, questionContext, type ResolveInput } from '../../src/questions/resolve.js';
import { acceptPreview, acceptSentence, defaultsLine, listed, turnFor, walkQuestions } from '../../src/questions/walk.js';

const now = new Date('2025-03-15T10:20:30Z');

const express: Detection = {
  language: 'node',
  packageManager: 'npm',
  version: null,
  framework: 'express',
  build: null,
  start: 'node app.js',
  install: 'npm ci',
  port: 3000,
  healthcheck: null,
  workspace: false,
  apps: [],
  evidence: [],
  warnings: [],
};

const input = (over: Partial<ResolveInput> = {}): ResolveInput => ({
  flags: {},
  detection: express,
  metadata: { author: 'Shop Team <sec@shop.example>' },
  gitEmail: null,
  now,
  ...over,
});

const asked = (over: Partial<ResolveInput> = {}, walk: 'accept' | 'all' = 'accept') => {
  const resolved = input(over);
  return walkQuestions(resolved, presetAnswers(resolved), walk)
    .filter(({ turn }) => turn.kind === 'ask')
    .map(({ question }) => question.id);
};

describe('the question model: what accepting the detected answers still asks', () => {
  it('every question is a detected answer, a choice that matters, or a setting whose default is valid', () => {
    const ctx = questionContext(input({ detection: { ...express, version: '22' } }), {});
    for (const question of QUESTIONS) {
      expect(question.name.length, question.id).toBeGreaterThan(0);
      if (question.filled || question.confirm) continue;
      expect(askedOnAccept(question, ctx), question.id).toBe(false);
    }
    expect(QUESTIONS.filter((q) => q.confirm).map((q) => q.id)).toEqual(['app', 'base', 'contact']);
  });

  it('asks what detection could not fill, then the base image and the security contact', () => {
    expect(asked()).toEqual(['runtimeVersion', 'base', 'contact']);
    expect(asked({ detection: { ...express, version: '20' } })).toEqual(['base', 'contact']);
    expect(asked({ detection: { ...express, version: '20', port: null, start: null } })).toEqual(['startCommand', 'port', 'base', 'contact']);
  });

  it('without a detection, asks every answer detection would have given', () => {
    expect(asked({ detection: null })).toEqual(['language', 'packageManager', 'runtimeVersion', 'framework', 'buildCommand', 'startCommand', 'port', 'base', 'contact']);
    expect(asked({ detection: { ...express, language: 'unknown', packageManager: 'none' } })).toContain('language');
  });

  it('a language other than the detected one makes its package manager, version and start command undetected', () => {
    const resolved = input({ detection: { ...express, version: '20' } });
    const ctx = questionContext(resolved, { language: 'python' });
    expect(askedOnAccept(questionById('packageManager'), ctx)).toBe(true);
    expect(askedOnAccept(questionById('runtimeVersion'), ctx)).toBe(true);
    expect(askedOnAccept(questionById('startCommand'), ctx)).toBe(true);
    expect(askedOnAccept(questionById('port'), ctx)).toBe(false);
  });

  it('valid flags are taken, an invalid one is asked with its problem; walking every answer asks the rest', () => {
    expect(asked({ flags: { runtimeVersion: '20', base: 'alpine', contact: 'sec@shop.example' } })).toEqual([]);
    const resolved = input({ flags: { port: '99999' } });
    const port = turnFor(questionById('port'), questionContext(resolved, {}), presetAnswers(resolved).get('port'), 'accept');
    expect(port).toEqual({ kind: 'ask', suggested: '99999', problem: 'must be at most 65535' });
    // Every question but the port (the flag) and those not asked here (no workspace, no CA bundle named by the environment).
    expect(asked({ flags: { port: '8080' } }, 'all')).toEqual(QUESTIONS.filter((q) => !['app', 'port', 'caCert'].includes(q.id)).map((q) => q.id));
  });

  it('an answers file fills answers like detection does; the choices that matter are still asked', () => {
    expect(asked({ answersFile: { path: '.harden-init.json', data: { runtimeVersion: '20', base: 'slim' } } })).toEqual(['base', 'contact']);
  });

  it('a health route detection found is taken; without one, the health check is none, not asked', () => {
    const withRoute = { ...express, version: '20', healthcheck: '/healthz' };
    const resolved = input({ detection: withRoute });
    const turns = walkQuestions(resolved, presetAnswers(resolved), 'accept');
    expect(turns.find(({ question }) => question.id === 'healthcheck')?.turn).toEqual({ kind: 'take', text: '/healthz', source: 'detected' });
    expect(asked({ detection: withRoute })).toEqual(['base', 'contact']);
    const none = input({ detection: { ...express, version: '20' } });
    expect(walkQuestions(none, presetAnswers(none), 'accept').find(({ question }) => question.id === 'healthcheck')?.turn).toEqual({ kind: 'take', text: 'none', source: 'default' });
  });

  it('a detected runtime version that has reached its end of life is asked, with the warning', () => {
    const ended = { detection: { ...express, version: '18' }, now: new Date('2026-12-04T09:00:00Z') };
    expect(asked(ended)).toEqual(['runtimeVersion', 'base', 'contact']);
    const resolved = input(ended);
    const row = acceptPreview(resolved, presetAnswers(resolved)).detected.find(({ question }) => question.id === 'runtimeVersion');
    expect(row).toEqual(expect.objectContaining({ text: '18', missing: false, note: ' (asked next: Node.js 18 reached end of life on 2025-04-30; 24 is supported until 2028-04-30)' }));
    expect(asked({ detection: { ...express, version: '24' }, now: ended.now })).toEqual(['base', 'contact']);
  });

  it('a CA bundle the environment names is taken as a default, listed with the others', () => {
    const resolved = input({ detection: { ...express, version: '20' }, caBundle: { path: '/etc/ssl/certs/ca-certificates.crt', variable: 'NODE_EXTRA_CA_CERTS' } });
    expect(asked({ detection: { ...express, version: '20' }, caBundle: resolved.caBundle })).toEqual(['base', 'contact']);
    expect(defaultsLine(acceptPreview(resolved, presetAnswers(resolved)))).toContain('CA bundle /etc/ssl/certs/ca-certificates.crt');
  });

  it('a workspace asks which app first', () => {
    const workspace: Detection = { ...express, version: '20', workspace: true, apps: [{ ...express, version: '20', path: 'apps/api' }] };
    expect(asked({ detection: workspace })).toEqual(['app', 'base', 'contact']);
  });

  it('an answer the user already gave is kept as the suggestion, never a reason to skip', () => {
    const resolved = input();
    const turn = turnFor(questionById('runtimeVersion'), questionContext(resolved, {}), undefined, 'accept', '24');
    expect(turn).toEqual({ kind: 'ask', suggested: '24', problem: null });
  });
});

describe('the accept preview both shells show', () => {
  it('lists the detected answers, the defaults taken, and what is still asked', () => {
    const resolved = input({ flags: { port: '8080' } });
    const preview = acceptPreview(resolved, presetAnswers(resolved));
    expect(preview.detected.map(({ question, text, missing, note }) => [question.name, text, missing, note])).toEqual([
      ['language', 'node', false, ''],
      ['package manager', 'npm', false, ''],
      ['runtime version', 'not found: asked next', true, ''],
      ['framework', 'express', false, ''],
      ['build', 'none', false, ''],
      ['start', 'node app.js', false, ''],
      ['port', '8080', false, ' (flag)'],
      ['health check', 'none', false, ' (not found in the code)'],
    ]);
    expect(acceptSentence(preview)).toBe('accepts these answers, then asks the runtime version, the base image and the security contact');
    expect(defaultsLine(preview)).toBe(
      'build secrets none · user id 10001 · app folder /app · disclosure policy none · security.txt expiry 2026-03-14T00:00:00Z · security.txt URL none',
    );
  });

  it('says when nothing is left to ask', () => {
    const resolved = input({ flags: { runtimeVersion: '20', base: 'alpine', contact: 'sec@shop.example' } });
    expect(acceptSentence(acceptPreview(resolved, presetAnswers(resolved)))).toBe('accepts these answers and goes to the review');
  });

  it('lists in English', () => {
    expect([listed([]), listed(['a']), listed(['a', 'b']), listed(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});
