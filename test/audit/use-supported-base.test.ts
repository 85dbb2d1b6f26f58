import { describe, expect, it } from 'vitest';
import { auditImageFacts } from '../../src/audit/audit.js';
import { osOf, runtimesOf } from '../../src/audit/rules/use-supported-base.js';
import { file, goodImage, layer } from './facts.js';

const TODAY = '2026-12-04';

/** A hardened image whose base layer has this os-release (as a Debian symlink target) and this environment. */
function image(osRelease: string | null, env: string[] = []) {
  const base = goodImage();
  const files = osRelease === null ? [] : [file('/etc/os-release', { type: 'symlink', linkname: '../usr/lib/os-release' }), file('/usr/lib/os-release', { content: osRelease })];
  return goodImage({ config: { ...base.config, Env: [...(base.config.Env ?? []), ...env] }, layers: [layer(1, 'base', files), ...base.layers] });
}

const found = (facts: ReturnType<typeof image>, today = TODAY) => auditImageFacts(facts, undefined, today).findings.filter((f) => f.id === 'HI812');

describe('HI812 use-supported-base', () => {
  it('catches an ended OS from /etc/os-release, with the date and the release to move to', () => {
    const bullseye = found(image('PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nNAME="Debian GNU/Linux"\nVERSION_ID="11"\nID=debian\n'));
    expect(bullseye).toEqual([
      expect.objectContaining({ level: 'warning', path: '/usr/lib/os-release', message: '/usr/lib/os-release: Debian 11 reached end of life on 2026-08-31 (regular security support ended 2024-08-14); 13 (trixie) is supported until 2028-08-09' }),
    ]);
    expect(found(image('NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.18.4\n'))[0].message).toContain('Alpine Linux 3.18 reached end of life on 2025-05-09');
    // distroless says so in PRETTY_NAME but keeps Debian's ID and VERSION_ID.
    expect(found(image('PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\n'))[0].message).toContain('Debian 12 left regular security support on 2026-06-10');
  });

  it('catches an ended runtime from the version the image declares in its environment', () => {
    const messages = found(image(null, ['NODE_VERSION=18.20.4', 'YARN_VERSION=1.22.22'])).map((f) => f.message);
    expect(messages).toEqual(['NODE_VERSION=18.20.4: Node.js 18 reached end of life on 2025-04-30; 24 is supported until 2028-04-30']);
    expect(found(image(null, ['PYTHON_VERSION=3.8.20']))[0].message).toContain('Python 3.8 reached end of life on 2024-10-07');
    expect(found(image(null, ['JAVA_VERSION=jdk-11.0.25+9']))).toEqual([]);
  });

  it('does not catch supported lines, unknown systems, or an image with no os-release', () => {
    expect(found(image('ID=debian\nVERSION_ID="13"\n', ['NODE_VERSION=24.11.1', 'PYTHON_VERSION=3.13.9']))).toEqual([]);
    expect(found(image('ID=wolfi\nVERSION_ID=20230201\n'))).toEqual([]);
    expect(found(image(null))).toEqual([]);
    expect(found(image('ID=debian\nVERSION_ID="12"\n'), '2026-06-09')).toEqual([]);
  });

  it('reads os-release and environment fields as images write them', () => {
    expect(osOf('ID="ubuntu"\nVERSION_ID="24.04"\n')).toEqual({ product: 'ubuntu', version: '24.04' });
    expect(osOf('ID=debian\n')).toBeNull();
    expect(runtimesOf(['ASPNET_VERSION=8.0.22', 'DOTNET_VERSION=8.0.22', 'GOLANG_VERSION=1.25.4'])).toEqual([
      { product: 'go', version: '1.25.4', variable: 'GOLANG_VERSION' },
      { product: 'dotnet', version: '8.0.22', variable: 'ASPNET_VERSION' },
    ]);
  });
});
