import type { Rule, RuleHit } from '../rule.js';
import { hasFlag, isProgram, unwrap, type ShellCommand } from '../shell/index.js';

function problem(raw: ShellCommand): string | null {
  const c = unwrap(raw);
  if (isProgram(c, 'apk') && hasFlag(c, 'allow-untrusted')) return 'apk --allow-untrusted installs unsigned packages';
  if (isProgram(c, 'apt-get', 'apt', 'aptitude') && hasFlag(c, 'allow-unauthenticated', 'force-yes')) return `${c.name} --allow-unauthenticated/--force-yes installs unsigned packages`;
  if (isProgram(c, 'apt-get', 'apt') && c.args.some((a) => /AllowUnauthenticated\s*=\s*(true|1|yes)|AllowInsecureRepositories\s*=\s*(true|1|yes)/i.test(a))) return `${c.name} is told to accept unsigned packages`;
  if (isProgram(c, 'yum', 'dnf', 'microdnf', 'zypper') && (hasFlag(c, 'nogpgcheck', 'no-gpg-checks') || c.args.some((a) => /gpgcheck=(0|false)/i.test(a)))) return `${c.name} skips package signature checks`;
  if (isProgram(c, 'rpm') && hasFlag(c, 'nosignature', 'nodigest')) return 'rpm --nosignature skips package signature checks';
  if (isProgram(c, 'pip', 'pip3') && false) return null;
  if (isProgram(c, 'echo', 'printf', 'sed') && c.args.some((a) => /gpgcheck\s*=\s*0|\[trusted=yes\]|AllowUnauthenticated\s+"?true/i.test(a))) return 'a repository is configured without signature checks';
  return null;
}

export const rule: Rule = {
  id: 'HI334',
  slug: 'keep-signature-verification',
  level: 'error',
  title: 'Package signature verification is turned off',
  fix: 'Remove `--allow-untrusted`, `--allow-unauthenticated`, `--force-yes`, `--nogpgcheck` and `--nosignature`, and import the repository key instead.',
  aliases: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
  docs: 'Package signatures are what proves a package came from the distribution; without them a mirror or proxy can serve anything and the package manager installs it as root.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const c of instr.shell().commands) {
        const message = problem(c);
        if (message) {
          hits.push({ line: instr.line, column: instr.column, message });
          break;
        }
      }
    }
    return hits;
  },
};
