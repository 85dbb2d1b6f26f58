/** The Dockerfile linter: pure functions over text, plus the config loader adapter. */
export type { LintFinding, LintLevel } from './types.js';
export { lintDockerfile, lintModel, ruleMatches, effectiveLevel, LEVEL_ORDER, type LintOptions } from './lint.js';
export { fixDockerfile, type FixResult, type AppliedFix } from './fix.js';
export { parseLintConfigText } from './config-text.js';
export { defaultLintConfig, mergeLintConfig, LintConfigError, type LintConfig, type LabelType, type Threshold } from './config-schema.js';
export { loadLintConfig, LintConfigFileError } from './config.js';
export { RULES } from './rules/index.js';
export type { Rule, RuleHit, Edit } from './rule.js';
export { parseDockerfile, type DockerfileModel, type Instr, type Stage } from './model.js';
export * from './report/index.js';
