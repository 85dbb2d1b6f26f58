import { describe, expect, it } from 'vitest';
import { compareVersions, normaliseVersion } from '../../src/detect/versions.js';

describe('normaliseVersion', () => {
  it.each([
    ['>=20', '20'],
    ['^8.2', '8.2'],
    ['~3.11', '3.11'],
    ['>=18.0.0', '18'],
    ['^8.2.0', '8.2'],
    ['20.x', '20'],
    ['3.11.*', '3.11'],
    ['>= 3.8, < 4', '3.8'],
    ['>=18 <21', '18'],
    ['~> 3.2', '3.2'],
    ['==3.12.1', '3.12.1'],
    ['v20.11.1', '20.11.1'],
    ['22', '22'],
    ['3.12', '3.12'],
    ['16 || 18 || 20', '20'],
    ['^14.17.0 || ^16.10.0 || >=17.0.0', '17'],
    ['1.8', '1.8'],
  ])('%s -> %s', (raw, version) => {
    expect(normaliseVersion(raw).version).toBe(version);
  });

  it('says how a range became a version', () => {
    expect(normaliseVersion('>=20').note).toBe('>=20 -> 20 (lowest version the range allows)');
    expect(normaliseVersion('^8.2').note).toBe('^8.2 -> 8.2 (lowest version the range allows)');
    expect(normaliseVersion('20.x').note).toBe('20.x -> 20 (wildcard dropped)');
    expect(normaliseVersion('20').note).toBe('20');
  });

  it.each(['*', 'latest', '', 'some_invalid_version', '<4'])('%j pins nothing', (raw) => {
    expect(normaliseVersion(raw).version).toBeNull();
  });

  it('orders versions numerically', () => {
    expect(['3.9', '3.12', '3.10'].sort(compareVersions)).toEqual(['3.9', '3.10', '3.12']);
  });
});
