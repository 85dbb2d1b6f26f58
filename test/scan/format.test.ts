import { describe, expect, it } from 'vitest';
import { auditRecords } from '../../src/scan/builtin.js';
import { renderTty } from '../../src/scan/format.js';
import type { ScanRecord } from '../../src/scan/record.js';

function cve(path: string): ScanRecord {
  return {
    finding: { id: 'CVE-2024-0001', severity: 'high', package: 'openssl', installed: '3.0.1', fixedIn: '3.0.2', source: 'base', scanner: 'trivy', title: 'openssl: buffer overread', url: '' },
    layers: [],
    path,
    introducedBy: [],
    ecosystem: 'os',
  };
}

describe('scan --format tty', () => {
  it('one vulnerability at several paths is one block with its title once and every path', () => {
    const text = renderTty({ records: [cve('/usr/lib/libssl.so'), cve('/opt/app/libssl.so')], target: 'shop:1' });
    expect(text.match(/CVE-2024-0001/g)).toHaveLength(1);
    expect(text.match(/openssl: buffer overread/g)).toHaveLength(1);
    expect(text).toContain('at /opt/app/libssl.so');
    expect(text).toContain('at /usr/lib/libssl.so');
  });

  it('several hits of one audit rule on the image keep each message', () => {
    const records = auditRecords(
      [
        { id: 'HI809', level: 'info', message: 'no securitytxt label', fix: '', aliases: [] },
        { id: 'HI809', level: 'style', message: 'missing OCI labels: org.opencontainers.image.source', fix: '', aliases: [] },
      ],
      'shop:1',
      [],
    );
    const text = renderTty({ records, target: 'shop:1' });
    expect(text).toContain('no securitytxt label');
    expect(text).toContain('missing OCI labels: org.opencontainers.image.source');
    expect(text).toContain('shop:1: 2 findings');
  });
});
