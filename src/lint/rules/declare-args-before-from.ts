import type { Rule } from '../rule.js';

const PREDEFINED = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE', 'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy', 'BUILDKIT_SYNTAX']);

export const rule: Rule = {
  id: 'HI111',
  slug: 'declare-args-before-from',
  level: 'warning',
  title: 'FROM uses a build argument that is not declared before the first FROM',
  fix: 'Declare the variable with `ARG` before the first `FROM`.',
  aliases: ['UndefinedArgInFrom'],
  docs: 'Only ARGs declared before the first FROM are visible in FROM lines; anything else expands to an empty string and pulls an unexpected image.',
  check(model) {
    const declared = new Set(model.globalArgs.flatMap((a) => a.properties.map((p) => p.name)));
    const hits = [];
    for (const stage of model.stages) {
      const text = stage.from.text;
      for (const match of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const name = match[1];
        if (!declared.has(name) && !PREDEFINED.has(name)) {
          hits.push({ line: stage.from.line, column: stage.from.column, message: `FROM uses $${name}, which is not declared by an ARG before the first FROM` });
          break;
        }
      }
    }
    return hits;
  },
};
