import type { Rule, RuleHit } from '../rule.js';
import type { Instr } from '../model.js';
import { hasFlag, isProgram, positionals, unwrap, type ShellCommand } from '../shell/index.js';
import { pipArgs } from './pm-shared.js';

const ENV_OFF: Array<[RegExp, RegExp, string]> = [
  [/^NODE_TLS_REJECT_UNAUTHORIZED$/, /^0$/, 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS verification for Node'],
  [/^PYTHONHTTPSVERIFY$/, /^0$/, 'PYTHONHTTPSVERIFY=0 turns off TLS verification for Python'],
  [/^GIT_SSL_NO_VERIFY$/, /^(1|true|yes)$/i, 'GIT_SSL_NO_VERIFY turns off TLS verification for git'],
  [/^PIP_TRUSTED_HOST$/, /./, 'PIP_TRUSTED_HOST lets pip skip TLS verification'],
  [/^NPM_CONFIG_STRICT_SSL$/i, /^false$/i, 'npm strict-ssl=false turns off TLS verification'],
  [/^YARN_STRICT_SSL$/i, /^false$/i, 'yarn strict-ssl=false turns off TLS verification'],
  [/^CURL_CA_BUNDLE$/, /^$/, 'an empty CURL_CA_BUNDLE turns off TLS verification for Python requests'],
];

function commandProblem(raw: ShellCommand): string | null {
  const c = unwrap(raw);
  for (const assignment of c.assignments.concat(raw.assignments)) {
    const [name, value] = [assignment.split('=')[0], assignment.slice(assignment.indexOf('=') + 1)];
    for (const [n, v, message] of ENV_OFF) if (n.test(name) && v.test(value)) return message;
  }
  if (isProgram(c, 'curl') && (hasFlag(c, 'insecure') || c.args.some((a) => /^-[a-zA-Z]*k/.test(a) && !a.startsWith('--')))) return 'curl -k/--insecure turns off TLS verification';
  if (isProgram(c, 'wget') && hasFlag(c, 'no-check-certificate')) return 'wget --no-check-certificate turns off TLS verification';
  const pip = pipArgs(c);
  if (pip && pip.some((a) => a === '--trusted-host' || a.startsWith('--trusted-host='))) return 'pip --trusted-host lets pip skip TLS verification';
  if (isProgram(c, 'npm', 'yarn', 'pnpm') && positionals(c)[0] === 'config' && positionals(c)[1] === 'set') {
    const rest = positionals(c).slice(2).join(' ');
    if (/strict-ssl(\s+|=)false/.test(rest)) return `${c.name} strict-ssl false turns off TLS verification`;
  }
  if (isProgram(c, 'npm', 'yarn', 'pnpm') && c.args.some((a) => /^--strict-ssl=false$/.test(a))) return `${c.name} --strict-ssl=false turns off TLS verification`;
  if (isProgram(c, 'git') && c.args.join(' ').match(/http\.sslverify(\s+|=)(false|0)/i)) return 'git http.sslVerify false turns off TLS verification';
  if (isProgram(c, 'git') && c.args.some((a) => /^http\.sslverify=(false|0)$/i.test(a))) return 'git http.sslVerify false turns off TLS verification';
  if (isProgram(c, 'yum', 'dnf', 'microdnf') && c.args.some((a) => /sslverify=(0|false)/i.test(a))) return `${c.name} sslverify=0 turns off TLS verification`;
  if (isProgram(c, 'export')) {
    for (const arg of c.args) {
      const [name, value] = [arg.split('=')[0], arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : null];
      if (value === null) continue;
      for (const [n, v, message] of ENV_OFF) if (n.test(name) && v.test(value)) return message;
    }
  }
  if (isProgram(c, 'echo', 'printf') && c.args.some((a) => /(strict-ssl\s*=\s*false|sslverify\s*=\s*(0|false)|check[-_]certificate\s*=\s*off|insecure)/i.test(a))) return 'a config file written here turns off TLS verification';
  return null;
}

export function tlsProblems(instr: Instr): string | null {
  if (instr.keyword === 'ENV' || instr.keyword === 'ARG') {
    for (const p of instr.properties) {
      const value = (p.value ?? '').replace(/^["']|["']$/g, '');
      if (p.value === null && instr.keyword === 'ARG') continue;
      for (const [n, v, message] of ENV_OFF) if (n.test(p.name) && v.test(value)) return message;
    }
    return null;
  }
  if (instr.keyword !== 'RUN') return null;
  for (const c of instr.shell().commands) {
    const problem = commandProblem(c);
    if (problem) return problem;
  }
  return null;
}

export const rule: Rule = {
  id: 'HI333',
  slug: 'keep-tls-verification',
  level: 'error',
  title: 'TLS certificate verification is turned off',
  fix: 'Keep TLS verification on: remove `-k`/`--insecure`, `--no-check-certificate`, `--trusted-host`, `strict-ssl false` and `*_TLS_*=0` settings, and trust your CA instead: `harden-init --ca-cert <bundle>` mounts it as the build secret "ca" in the install steps.',
  aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16'],
  docs: 'Without certificate verification anyone on the network path (a proxy, a compromised mirror, a café Wi-Fi) can replace what the build downloads, and that code ends up in the image.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      const problem = tlsProblems(instr);
      if (problem) hits.push({ line: instr.line, column: instr.column, message: problem });
    }
    return hits;
  },
};
