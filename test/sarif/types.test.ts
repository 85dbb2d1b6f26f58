import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { auditImageFacts } from '../../src/audit/audit.js';
import { renderSarif as auditSarif } from '../../src/audit/sarif.js';
import { formatSarif, lintDockerfile } from '../../src/lint/index.js';
import { buildSarif, type SarifLog } from '../../src/sarif/index.js';
import { renderSarif as scanSarif } from '../../src/scan/format-sarif.js';
import { goodImage } from '../audit/facts.js';

/**
 * The builder's log type must be assignable to the SARIF 2.1.0 object model (@types/sarif, made
 * from the OASIS schema): `tsc --noEmit` fails on this file the moment a field drifts from it.
 */
const conforms = (log: SarifLog): Log => log;

describe('SARIF object model', () => {
  it('every producer writes a log the SARIF 2.1.0 types accept, and parses back unchanged', () => {
    const logs: Log[] = [
      conforms(buildSarif('t', [{ id: 'X1', shortDescription: 's', help: 'h', helpUri: 'https://example.org' }], [{ ruleId: 'X1', level: 'note', message: 'm', file: 'Dockerfile' }])),
      JSON.parse(formatSarif(lintDockerfile('FROM debian\nUSER root\n', { file: 'Dockerfile' }))) as Log,
      JSON.parse(auditSarif(auditImageFacts(goodImage({ config: { ...goodImage().config, User: '' } })), '1.0.0')) as Log,
      JSON.parse(scanSarif({ records: [], target: 'img' })) as Log,
    ];
    for (const log of logs) {
      expect(log.version).toBe('2.1.0');
      expect(log.runs[0].tool.driver.name).toMatch(/^harden-init|^t$/);
      expect(log.runs[0].results?.every((r) => r.locations?.[0]?.physicalLocation?.region?.startLine)).toBe(true);
    }
    expect(logs[1].runs[0].results?.length).toBeGreaterThan(0);
    expect(logs[2].runs[0].results?.length).toBeGreaterThan(0);
  });
});
