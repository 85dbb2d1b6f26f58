import { describe, expect, it } from 'vitest';
import { auditImageFacts, distrolessIntent, failing } from '../../src/audit/audit.js';
import { finalFilesystem } from '../../src/audit/filesystem.js';
import { secretEnv, secretFile } from '../../src/audit/secrets.js';
import { renderSarif } from '../../src/audit/sarif.js';
import { renderJson, renderTty } from '../../src/audit/format.js';
import { file, goodImage, layer } from './facts.js';
import { auditRules } from '../../src/audit/rules/index.js';
import { numericUserFromMessage } from '../../src/audit/rules/numeric-user.js';
import { RULES as LINT_RULES } from '../../src/lint/rules/index.js';

const ids = (facts: ReturnType<typeof goodImage>) => auditImageFacts(facts).findings.map((f) => f.id);

describe('audit rules', () => {
  it('have ids of their own: an id in a lint report and an audit report never means two things', () => {
    const lintIds = new Set(LINT_RULES.map((r) => r.id));
    expect(auditRules.map((r) => r.id).filter((id) => lintIds.has(id))).toEqual([]);
    expect(new Set(auditRules.map((r) => r.id)).size).toBe(auditRules.length);
  });

  it('finds nothing in a hardened image', () => {
    expect(auditImageFacts(goodImage()).findings).toEqual([]);
  });

  it('HI801 catches root: no USER, USER root, USER 0:0; not USER 10001', () => {
    for (const User of ['', 'root', '0:0']) {
      const found = auditImageFacts(goodImage({ config: { ...goodImage().config, User } })).findings.find((f) => f.id === 'HI801');
      expect(found?.level).toBe('error');
      expect(found?.aliases).toContain('CIS-DI-0001');
    }
    expect(ids(goodImage())).not.toContain('HI801');
  });

  it('HI802 catches a user given by name and suggests its uid from /etc/passwd', () => {
    const found = auditImageFacts(goodImage({ config: { ...goodImage().config, User: 'app' } })).findings.find((f) => f.id === 'HI802');
    expect(found?.fix).toContain('USER 10001:10001');
    expect(numericUserFromMessage(found!.message)).toBe('10001:10001');
    expect(ids(goodImage({ config: { ...goodImage().config, User: '10001' } }))).not.toContain('HI802');
  });

  it('HI802 takes a named group from /etc/group and names no uid it cannot find', () => {
    const withGroup = goodImage({ config: { ...goodImage().config, User: 'app:staff' } });
    withGroup.layers.push(layer(3, 'RUN groupadd', [file('/etc/group', { content: 'root:x:0:\nstaff:x:50:app\n' })]));
    expect(numericUserFromMessage(auditImageFacts(withGroup).findings.find((f) => f.id === 'HI802')!.message)).toBe('10001:50');
    const unknownGroup = goodImage({ config: { ...goodImage().config, User: 'app:nogroup' } });
    const found = auditImageFacts(unknownGroup).findings.find((f) => f.id === 'HI802')!;
    expect(numericUserFromMessage(found.message)).toBeNull();
    expect(found.message).not.toContain('does not define');
    const stranger = auditImageFacts(goodImage({ config: { ...goodImage().config, User: 'nobody' } })).findings.find((f) => f.id === 'HI802')!;
    expect(stranger.message).toContain('/etc/passwd does not define it');
    expect(numericUserFromMessage(stranger.message)).toBeNull();
  });

  it('HI803 catches setuid and setgid files, not plain executables', () => {
    const image = goodImage();
    image.layers.push(layer(3, 'RUN chmod u+s', [file('/usr/bin/su', { mode: 0o4755 }), file('/usr/bin/wall', { mode: 0o2755 }), file('/usr/bin/ls', { mode: 0o755 })]));
    const found = auditImageFacts(image).findings.filter((f) => f.id === 'HI803');
    expect(found.map((f) => f.path)).toEqual(['/usr/bin/su', '/usr/bin/wall']);
    expect(found[0].aliases).toEqual(['CIS-DI-0008']);
    expect(found[0].layer).toBe(3);
  });

  it('HI803 ignores a setuid file removed in a later layer', () => {
    const image = goodImage();
    image.layers.push(layer(3, 'RUN x', [file('/usr/bin/su', { mode: 0o4755 })]), layer(4, 'RUN rm', [], ['/usr/bin/su']));
    expect(ids(image)).not.toContain('HI803');
  });

  it('HI804 catches world-writable files and dirs, not /tmp, sticky dirs, symlinks or device nodes the engine mounts over', () => {
    const image = goodImage();
    image.layers.push(
      layer(3, 'RUN chmod', [
        file('/app/data', { type: 'dir', mode: 0o777 }),
        file('/app/config.json', { mode: 0o666 }),
        file('/tmp/x', { mode: 0o666 }),
        file('/var/cache/shared', { type: 'dir', mode: 0o1777 }),
        file('/usr/bin/link', { type: 'symlink', mode: 0o777 }),
        file('/dev/tty', { type: 'other', mode: 0o666 }),
        file('/dev/console', { mode: 0o666 }),
        file('/opt/fifo', { type: 'other', mode: 0o666 }),
      ]),
    );
    expect(auditImageFacts(image).findings.filter((f) => f.id === 'HI804').map((f) => f.path)).toEqual(['/app/data', '/app/config.json']);
  });

  it('HI805 catches secrets in ENV by name and by value', () => {
    const image = goodImage({ config: { ...goodImage().config, Env: ['DB_PASSWORD=hunter2', 'GREETING=ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'PASSWORD_FILE=/run/secrets/db', 'API_TOKEN=', 'NODE_ENV=production'] } });
    const found = auditImageFacts(image).findings.filter((f) => f.id === 'HI805');
    expect(found.map((f) => f.message.split(' ')[1])).toEqual(['DB_PASSWORD', 'GREETING']);
    expect(found[1].message).toContain('GitHub token');
    expect(found[0].aliases).toEqual(['CIS-DI-0010']);
  });

  it('HI806 catches a secret file deleted in a later layer, naming both', () => {
    const image = goodImage();
    image.layers.push(layer(3, '/bin/sh -c #(nop) COPY file:abc in /app/.env', [file('/app/.env', { content: 'KEY=1' })]), layer(4, '/bin/sh -c rm /app/.env', [], ['/app/.env']));
    const found = auditImageFacts(image).findings.find((f) => f.id === 'HI806');
    expect(found?.path).toBe('/app/.env');
    expect(found?.layer).toBe(3);
    expect(found?.message).toContain('removed or replaced later');
    expect(found?.message).toContain('layer 3 (COPY file:abc in /app/.env)');
    expect(found?.level).toBe('error');
  });

  it('HI806 catches .npmrc only with a token, keys, and .git once as a warning', () => {
    const image = goodImage();
    image.layers.push(
      layer(3, 'COPY . /app', [
        file('/app/.npmrc', { content: '//registry.npmjs.org/:_authToken=npm_abc\n' }),
        file('/home/app/.npmrc', { content: 'fund=false\n' }),
        file('/app/.env.example', { content: 'KEY=' }),
        file('/app/certs/server.key', { content: '-----BEGIN PRIVATE KEY-----\nabc\n' }),
        file('/etc/ssl/certs/ca.pem', { content: '-----BEGIN CERTIFICATE-----\n' }),
        file('/app/.git', { type: 'dir', mode: 0o755 }),
        file('/app/.git/config'),
        file('/root/.ssh/id_ed25519'),
      ]),
    );
    const found = auditImageFacts(image).findings.filter((f) => f.id === 'HI806');
    expect(found.map((f) => f.path).sort()).toEqual(['/app/.git', '/app/.npmrc', '/app/certs/server.key', '/root/.ssh/id_ed25519']);
    expect(found.find((f) => f.path === '/app/.git')).toMatchObject({ level: 'warning', aliases: ['DKL-LI-0003'] });
  });

  it('HI807 catches a shell in a distroless-intended image, not in a slim one', () => {
    const distroless = goodImage();
    distroless.layers.push(layer(3, 'COPY busybox', [file('/bin/sh', { mode: 0o755 }), file('/usr/bin/apt-get', { mode: 0o755 })]));
    const found = auditImageFacts(distroless).findings.filter((f) => f.id === 'HI807');
    expect(found.map((f) => f.path)).toEqual(['/bin/sh', '/usr/bin/apt-get']);
    expect(found[0].message).toContain('base layer has no shell');

    const slim = goodImage();
    slim.layers[0] = layer(1, 'debootstrap', [...slim.layers[0].files, file('/usr/bin/sh', { type: 'symlink' }), file('/usr/bin/dash', { mode: 0o755 })]);
    expect(ids(slim)).not.toContain('HI807');
  });

  it('distroless intent follows the label, the base name and os-release before the heuristic', () => {
    const slimBase = [layer(1, 'x', [file('/bin/sh')])];
    const labelled = goodImage({ layers: slimBase, config: { ...goodImage().config, Labels: { 'io.harden-init.base': 'distroless' } } });
    expect(distrolessIntent(labelled, finalFilesystem(labelled.layers)).intended).toBe(true);
    const osRelease = goodImage({ layers: [layer(1, 'x', [file('/bin/sh'), file('/etc/os-release', { content: 'PRETTY_NAME="Distroless"\n' })])] });
    expect(distrolessIntent(osRelease, finalFilesystem(osRelease.layers))).toMatchObject({ intended: true, reason: expect.stringContaining('os-release') });
    const slim = goodImage({ layers: slimBase });
    expect(distrolessIntent(slim, finalFilesystem(slim.layers)).intended).toBe(false);
  });

  it('HI808 catches a missing or disabled HEALTHCHECK', () => {
    expect(ids(goodImage({ config: { ...goodImage().config, Healthcheck: undefined } }))).toContain('HI808');
    expect(ids(goodImage({ config: { ...goodImage().config, Healthcheck: { Test: ['NONE'] } } }))).toContain('HI808');
  });

  it('HI809 catches a missing securitytxt label and lists missing OCI labels', () => {
    const found = auditImageFacts(goodImage({ config: { ...goodImage().config, Labels: { 'org.opencontainers.image.title': 'x' } } })).findings.filter((f) => f.id === 'HI809');
    expect(found.map((f) => f.level)).toEqual(['info', 'style']);
    expect(found[0].message).toBe('no securitytxt or security.contact label: scanners and users cannot find where to report a vulnerability');
    expect(found[1].message).toContain('org.opencontainers.image.source');
    expect(found[1].message).not.toContain('image.title');
  });

  it('HI809 takes a security.contact label as who to tell: only a style note that the securitytxt URL is missing', () => {
    const { securitytxt: _url, ...others } = goodImage().config.Labels!;
    const withContact = (contact: string) => auditImageFacts(goodImage({ config: { ...goodImage().config, Labels: { ...others, 'security.contact': contact } } }));
    const report = withContact('mailto:security@example.com');
    expect(report.contact).toEqual({ label: 'security.contact', value: 'mailto:security@example.com' });
    expect(report.findings.map((f) => [f.id, f.level, f.message])).toEqual([
      ['HI809', 'style', 'no securitytxt label: security.contact (mailto:security@example.com) says who to tell; add securitytxt once security.txt is served'],
    ]);
    expect(failing(report.findings, 'info')).toEqual([]);
    // An invalid one is reported as such, and as no contact at all.
    const bad = withContact('security at example dot com');
    expect(bad.contact).toBeNull();
    expect(bad.findings.filter((f) => f.level === 'info').map((f) => f.message)).toEqual([
      'the security.contact label "security at example dot com" is not a mailto:, https: or tel: URI',
      'no securitytxt or security.contact label: scanners and users cannot find where to report a vulnerability',
    ]);
    // The OCI authors are someone to tell, but not a security contact: still reported, and named.
    const authors = auditImageFacts(goodImage({ config: { ...goodImage().config, Labels: { ...others, 'org.opencontainers.image.authors': 'Jane <jane@example.com>' } } }));
    expect(authors.contact).toEqual({ label: 'org.opencontainers.image.authors', value: 'Jane <jane@example.com>' });
    expect(authors.findings.map((f) => f.message)).toEqual(['no securitytxt or security.contact label: scanners and users cannot find where to report a vulnerability (only the authors label names anyone: Jane <jane@example.com>)']);
  });

  it('HI810 reports a large image and many layers', () => {
    const layers = Array.from({ length: 31 }, (_, i) => layer(i + 1, 'RUN x', []));
    const found = auditImageFacts(goodImage({ size: 1.2e9, layers })).findings.filter((f) => f.id === 'HI810');
    expect(found.map((f) => f.message)).toEqual(['the image is 1.20 GB (more than 500.0 MB)', 'the image has 31 layers (more than 30)']);
  });

  it('HI811 catches an account with an empty password', () => {
    const image = goodImage();
    image.layers.push(layer(3, 'RUN passwd -d', [file('/etc/shadow', { content: 'root:*:19000::::::\nguest::19000::::::\n' })]));
    const found = auditImageFacts(image).findings.filter((f) => f.id === 'HI811');
    expect(found.map((f) => f.message)).toEqual(['user "guest" has an empty password in /etc/shadow']);
  });
});

describe('final filesystem', () => {
  it('applies whiteouts and opaque directories', () => {
    const fs = finalFilesystem([
      layer(1, 'a', [file('/a/x'), file('/a/y'), file('/b/z')]),
      layer(2, 'b', [file('/a/new')], ['/a/x'], []),
      layer(3, 'c', [file('/b/w')], [], ['/b']),
    ]);
    expect([...fs.keys()].sort()).toEqual(['/a/new', '/a/y', '/b/w']);
  });
});

describe('secret detection', () => {
  it('tells secret ENV names and values from harmless ones', () => {
    expect(secretEnv('AWS_SECRET_ACCESS_KEY', 'x')).not.toBeNull();
    expect(secretEnv('DATABASE_URL', 'postgres://user:pw@db/app')).toContain('credentials in a URL');
    expect(secretEnv('TOKEN_FILE', '/run/secrets/token')).toBeNull();
    expect(secretEnv('PATH', '/usr/bin')).toBeNull();
    expect(secretEnv('KEYBOARD', 'us')).toBeNull();
  });

  it('tells secret files from look-alikes', () => {
    expect(secretFile('/app/.env.production', undefined)?.kind).toBe('secret');
    expect(secretFile('/app/.env.sample', undefined)).toBeNull();
    expect(secretFile('/home/u/.aws/credentials', undefined)?.why).toBe('AWS credentials');
    expect(secretFile('/root/.ssh/id_rsa.pub', undefined)).toBeNull();
  });
});

describe('thresholds and formats', () => {
  const report = auditImageFacts(goodImage({ config: { ...goodImage().config, User: '', Healthcheck: undefined } }));

  it('fails at or above the threshold only', () => {
    expect(failing(report.findings, 'error').map((f) => f.id)).toEqual(['HI801']);
    expect(failing(report.findings, 'info').map((f) => f.id)).toEqual(['HI801', 'HI808']);
    expect(failing(report.findings, 'none')).toEqual([]);
  });

  it('renders SARIF 2.1.0 with one rule per used id', () => {
    const sarif = JSON.parse(renderSarif(report, '1.2.3'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['HI801', 'HI808']);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'HI801', level: 'error', properties: { aliases: ['CIS-DI-0001'] } });
  });

  it('says who to tell, in tty and JSON', () => {
    expect(report.contact).toEqual({ label: 'securitytxt', value: 'https://example.com/.well-known/security.txt' });
    expect(renderTty(report, false).split('\n')[1]).toBe('security contact: https://example.com/.well-known/security.txt (label securitytxt)');
    expect(JSON.parse(renderJson(report)).contact).toEqual({ label: 'securitytxt', value: 'https://example.com/.well-known/security.txt' });
    const { securitytxt: _url, ...others } = goodImage().config.Labels!;
    const none = auditImageFacts(goodImage({ config: { ...goodImage().config, Labels: others } }));
    expect(renderTty(none, false).split('\n')[1]).toBe('security contact: none (no securitytxt or security.contact label)');
    expect(JSON.parse(renderJson(none)).contact).toBeNull();
  });

  it('renders tty lines with level, id, message, aliases and fix', () => {
    const text = renderTty(report, false);
    expect(text).toContain('error   HI801 the image sets no USER');
    expect(text).toContain('[CIS-DI-0001]');
    expect(text).toContain('fix: End the final stage');
    expect(text.trim().split('\n').pop()).toBe('1 error, 1 info');
  });
});
