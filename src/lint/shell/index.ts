export { tokenize, type Token, type Word, type Operator } from './tokenize.js';
export { parseShell, type ShellCommand, type ShellScript } from './parse.js';
export * from './commands.js';
