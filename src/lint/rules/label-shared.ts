// Label reading and the label-schema rule family (active when `label-schema` is configured).
import type { Rule, RuleHit } from '../rule.js';
import type { DockerfileModel, Instr } from '../model.js';
import type { LabelType } from '../config-schema.js';
import { finalStage } from './helpers.js';

export interface LabelUse {
  name: string;
  value: string;
  instr: Instr;
}

const unquote = (v: string) => v.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');

/** Labels of a stage, including those inherited from the earlier stage it is built FROM. */
export function stageLabels(model: DockerfileModel, index: number, depth = 0): LabelUse[] {
  const stage = model.stages[index];
  if (!stage || depth > 10) return [];
  const parent = model.stages.find((s) => s.name !== null && s.name === stage.image.toLowerCase() && s.index < index);
  const inherited = parent ? stageLabels(model, parent.index, depth + 1) : [];
  const own = stage.instructions.filter((i) => i.keyword === 'LABEL' && !i.onbuild).flatMap((i) => i.properties.map((p) => ({ name: unquote(p.name), value: unquote(p.value ?? ''), instr: i })));
  return [...inherited, ...own];
}

export function finalLabels(model: DockerfileModel): LabelUse[] {
  const stage = finalStage(model);
  return stage ? stageLabels(model, stage.index) : [];
}

const SPDX = new Set('0BSD AFL-3.0 AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later Apache-1.1 Apache-2.0 Artistic-2.0 BSD-1-Clause BSD-2-Clause BSD-3-Clause BSL-1.0 CC-BY-4.0 CC-BY-SA-4.0 CC0-1.0 CDDL-1.0 CDDL-1.1 EPL-1.0 EPL-2.0 EUPL-1.2 GPL-2.0 GPL-2.0-only GPL-2.0-or-later GPL-3.0 GPL-3.0-only GPL-3.0-or-later ISC LGPL-2.1 LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0 LGPL-3.0-only LGPL-3.0-or-later MIT MIT-0 MPL-2.0 MS-PL MS-RL NCSA OFL-1.1 OpenSSL PostgreSQL Python-2.0 Ruby Unlicense UPL-1.0 Vim W3C WTFPL X11 Zlib Zope-2.1 BlueOak-1.0.0 PSF-2.0 Unicode-3.0 curl'.split(' ').map((s) => s.toLowerCase()));

export const VALID: Record<Exclude<LabelType, 'text'>, (v: string) => boolean> = {
  url: (v) => {
    try {
      const url = new URL(v);
      return url.protocol.length > 1 && url.host !== '' || url.protocol === 'mailto:';
    } catch {
      return false;
    }
  },
  rfc3339: (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v.replace(' ', 'T'))),
  spdx: (v) => v.split(/\s+(?:AND|OR|WITH)\s+/).every((id) => {
    const clean = id.replace(/[()]/g, '').replace(/\+$/, '').trim();
    return SPDX.has(clean.toLowerCase()) || /^LicenseRef-[A-Za-z0-9.-]+$/.test(clean);
  }),
  hash: (v) => /^[0-9a-f]{40}$/.test(v) || /^[0-9a-f]{7}$/.test(v),
  semver: (v) => /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(v),
  email: (v) => /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(v),
};

type Meta = Omit<Rule, 'check' | 'fixer'>;

/** A rule checking every label of type `type` in the schema with `valid`. */
export function formatRule(meta: Meta, type: Exclude<LabelType, 'text'>, message: (label: string) => string): Rule {
  return {
    ...meta,
    check(model, { config }) {
      const names = Object.entries(config.labelSchema).filter(([, t]) => t === type).map(([n]) => n);
      if (names.length === 0) return [];
      const hits: RuleHit[] = [];
      for (const instr of model.instructions) {
        if (instr.keyword !== 'LABEL') continue;
        for (const p of instr.properties) {
          const name = unquote(p.name);
          const value = unquote(p.value ?? '');
          if (names.includes(name) && value !== '' && !value.includes('$') && !VALID[type](value)) hits.push({ line: instr.line, column: instr.column, message: message(name) });
        }
      }
      return hits;
    },
  };
}
