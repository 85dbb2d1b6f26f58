export { formatTty, type TtyOptions } from './tty.js';
export { formatJson } from './json.js';
export { formatSarif, buildSarif, lintSarifRules, lintLevelToSarif, SARIF_SCHEMA, type SarifLevel, type SarifRuleInput, type SarifResultInput, type SarifOptions } from './sarif.js';
export { formatCheckstyle } from './checkstyle.js';
export { formatGitlab } from './gitlab.js';
