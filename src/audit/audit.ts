import { toDay } from '../eol/table.js';
import { securityContact } from '../securitytxt/labels.js';
import { finalFilesystem } from './filesystem.js';
import { auditRules } from './rules/index.js';
import { basename, inBinDir } from './rules/helpers.js';
import { AUDIT_LEVELS, type AuditFinding, type AuditLevel, type AuditReport, type AuditRule, type AuditView, type ImageFacts, type PlacedFile } from './types.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'busybox']);
const DISTROLESS_NAME = /distroless|chiseled|scratch/i;

/** Whether the image is meant to have no shell, and the evidence. */
export function distrolessIntent(facts: ImageFacts, final: Map<string, PlacedFile>): { intended: boolean; reason: string } {
  const labels = facts.config.Labels ?? {};
  const declared = labels['io.harden-init.base'];
  if (declared) return { intended: /^(distroless|scratch)$/.test(declared), reason: `label io.harden-init.base=${declared}` };
  const baseName = labels['org.opencontainers.image.base.name'];
  if (baseName && DISTROLESS_NAME.test(baseName)) return { intended: true, reason: `base ${baseName}` };
  const osRelease = final.get('/etc/os-release')?.entry.content ?? final.get('/usr/lib/os-release')?.entry.content;
  if (osRelease && /^PRETTY_NAME="?Distroless/m.test(osRelease)) return { intended: true, reason: 'its /etc/os-release says Distroless' };
  const first = facts.layers[0];
  if (first && !first.files.some((f) => inBinDir(f.path) && SHELLS.has(basename(f.path)))) {
    return { intended: true, reason: 'its base layer has no shell' };
  }
  return { intended: false, reason: 'its base layer has a shell' };
}

/** `today`: the day end-of-life facts are judged by; default: the day the end-of-life table was taken (the CLI passes today). */
export function auditView(facts: ImageFacts, today?: Date | string): AuditView {
  const final = finalFilesystem(facts.layers);
  const intent = distrolessIntent(facts, final);
  return { ...facts, final, distrolessIntended: intent.intended, distrolessReason: intent.reason, today: toDay(today) };
}

function runRule(rule: AuditRule, view: AuditView): AuditFinding[] {
  return rule.check(view).map((hit) => ({
    id: rule.id,
    level: hit.level ?? rule.level,
    message: hit.message,
    fix: hit.fix ?? rule.fix,
    aliases: hit.aliases ?? rule.aliases,
    ...(hit.path !== undefined ? { path: hit.path } : {}),
    ...(hit.layer !== undefined ? { layer: hit.layer } : {}),
  }));
}

/** Runs every audit rule over an image's facts. Pure: the facts come from `gatherImageFacts`. */
export function auditImageFacts(facts: ImageFacts, rules: readonly AuditRule[] = auditRules, today?: Date | string): AuditReport {
  const view = auditView(facts, today);
  const findings = rules.flatMap((rule) => runRule(rule, view));
  const rank = (level: AuditLevel) => AUDIT_LEVELS.indexOf(level);
  findings.sort((a, b) => rank(a.level) - rank(b.level));
  const contact = securityContact(facts.config.Labels ?? {});
  return { image: facts.ref, id: facts.id, size: facts.size, layers: facts.layers.length, user: facts.config.User ?? '', contact, findings };
}

export type Threshold = AuditLevel | 'none';

/** Findings at or above the threshold ('none' never fails). */
export function failing(findings: AuditFinding[], threshold: Threshold): AuditFinding[] {
  if (threshold === 'none') return [];
  const limit = AUDIT_LEVELS.indexOf(threshold);
  return findings.filter((f) => AUDIT_LEVELS.indexOf(f.level) <= limit);
}

/** The audit's default: warnings and errors fail, info and style only inform. */
export const DEFAULT_THRESHOLD: Threshold = 'warning';
