import type { Rule, RuleHit } from '../rule.js';

const PREDEFINED = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE', 'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy']);
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ONBUILD']);

export const rule: Rule = {
  id: 'HI604',
  slug: 'define-variables',
  level: 'warning',
  title: 'Variable used where it is not defined',
  fix: 'Declare the variable with `ARG` (or `ENV`) inside the stage that uses it.',
  aliases: ['UndefinedVar'],
  docs: 'An ARG declared before FROM or in another stage is not visible in this stage; the reference expands to an empty string. Declare `ARG name` again inside the stage.',
  check(model) {
    // Only ARGs declared outside the stage (before FROM, in another stage) are reported: other names
    // may come from the base image's environment, which is not visible here.
    const declaredIn = (stage: number) => new Set(model.instructions.filter((i) => i.stage !== stage && i.keyword === 'ARG').flatMap((i) => i.properties.map((p) => p.name)));
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      const declaredAnywhere = declaredIn(stage.index);
      const scope = new Set<string>();
      // A stage built FROM an earlier stage inherits its ENV.
      const parent = model.stages.find((s) => s.name !== null && s.name === stage.image.toLowerCase() && s.index < stage.index);
      if (parent) for (const i of parent.instructions) if (i.keyword === 'ENV') for (const p of i.properties) scope.add(p.name);
      for (const instr of stage.instructions) {
        if (instr.onbuild) continue;
        if (EXPANDED.has(instr.keyword) && instr.keyword !== 'ONBUILD') {
          const text = instr.keyword === 'ENV' || instr.keyword === 'LABEL' ? instr.properties.map((p) => p.value ?? '').join(' ') : instr.text;
          for (const m of text.matchAll(/(?<!\\)\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
            const name = m[1];
            if (!scope.has(name) && !PREDEFINED.has(name) && declaredAnywhere.has(name)) {
              hits.push({ line: instr.line, column: instr.column, message: `$${name} is not defined in this stage` });
              break;
            }
          }
        }
        if (instr.keyword === 'ARG' || instr.keyword === 'ENV') for (const p of instr.properties) scope.add(p.name);
      }
    }
    return hits;
  },
};
