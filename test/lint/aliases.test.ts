import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/index.js';

// Trivy (trivy-checks checks/docker/*.rego `id`/`avd_id`) and Checkov (checkov/dockerfile/checks) ids,
// each with the rule that covers the same check upstream.
const UPSTREAM: Record<string, string[]> = {
  'DS-0001': ['no-latest-tag'],
  'DS-0002': ['non-root-final-user', 'set-user'],
  'DS-0004': ['no-port-22'],
  'DS-0005': ['copy-not-add'],
  'DS-0006': ['copy-from-other-stage'],
  'DS-0007': ['single-entrypoint'],
  'DS-0008': ['valid-port'],
  'DS-0009': ['absolute-workdir'],
  'DS-0010': ['no-sudo'],
  'DS-0011': ['copy-dest-slash'],
  'DS-0012': ['unique-stage-names'],
  'DS-0013': ['workdir-not-cd'],
  'DS-0014': ['use-one-downloader'],
  'DS-0015': ['yum-clean-all'],
  'DS-0016': ['single-cmd'],
  'DS-0017': ['update-with-install'],
  'DS-0019': ['dnf-clean-all'],
  'DS-0020': ['zypper-clean'],
  'DS-0021': ['apt-get-yes'],
  'DS-0022': ['no-maintainer'],
  'DS-0023': ['single-healthcheck'],
  'DS-0024': ['no-apt-dist-upgrade'],
  'DS-0025': ['apk-no-cache'],
  'DS-0026': ['add-healthcheck'],
  'DS-0027': ['dnf-clean-all'],
  'DS-0029': ['apt-no-install-recommends'],
  'DS-0031': ['no-secrets-in-arg-env', 'no-copied-secret-files'],
  'DS-0032': ['set-pipefail'],
  CKV_DOCKER_1: ['no-port-22'],
  CKV_DOCKER_2: ['add-healthcheck'],
  CKV_DOCKER_3: ['set-user'],
  CKV_DOCKER_4: ['copy-not-add'],
  CKV_DOCKER_5: ['update-with-install'],
  CKV_DOCKER_6: ['no-maintainer'],
  CKV_DOCKER_7: ['no-latest-tag'],
  CKV_DOCKER_8: ['non-root-final-user'],
  CKV_DOCKER_9: ['use-apt-get'],
  CKV_DOCKER_10: ['absolute-workdir'],
  CKV_DOCKER_11: ['unique-stage-names'],
  CKV2_DOCKER_1: ['no-sudo'],
  CKV2_DOCKER_2: ['keep-tls-verification'],
  CKV2_DOCKER_3: ['keep-tls-verification'],
  CKV2_DOCKER_4: ['keep-tls-verification'],
  CKV2_DOCKER_5: ['keep-tls-verification'],
  CKV2_DOCKER_6: ['keep-tls-verification'],
  CKV2_DOCKER_7: ['keep-signature-verification'],
  CKV2_DOCKER_8: ['keep-signature-verification'],
  CKV2_DOCKER_9: ['keep-signature-verification'],
  CKV2_DOCKER_10: ['keep-signature-verification'],
  CKV2_DOCKER_11: ['keep-signature-verification'],
  CKV2_DOCKER_12: ['keep-tls-verification'],
  CKV2_DOCKER_13: ['keep-tls-verification'],
  CKV2_DOCKER_14: ['keep-tls-verification'],
  CKV2_DOCKER_15: ['keep-tls-verification'],
  CKV2_DOCKER_16: ['keep-tls-verification'],
};

const isUpstreamId = (alias: string) => /^(DS-\d{4}|CKV2?_DOCKER_\d+)$/.test(alias);

describe('Trivy and Checkov aliases', () => {
  it('each upstream id is carried by exactly the rules that implement that check', () => {
    const actual: Record<string, string[]> = {};
    for (const rule of RULES) for (const alias of rule.aliases.filter(isUpstreamId)) (actual[alias] ??= []).push(rule.slug);
    for (const slugs of Object.values(actual)) slugs.sort();
    const expected = Object.fromEntries(Object.entries(UPSTREAM).map(([id, slugs]) => [id, [...slugs].sort()]));
    expect(actual).toEqual(expected);
  });

  it('writes Trivy ids in the DS-00nn form, never the short DS0nn or AVD- prefixed forms', () => {
    const odd = RULES.flatMap((rule) => rule.aliases.filter((a) => /^(AVD-)?DS-?\d+$/.test(a) && !/^DS-\d{4}$/.test(a)).map((a) => `${rule.slug}: ${a}`));
    expect(odd).toEqual([]);
  });
});
