// The parser's two helper packages, by their CommonJS builds. Their ES module builds (which esbuild
// would pick) reach CommonJS callers as a fresh object of getters on every require, built a dozen
// times at start and read through a getter on every Range.create while parsing. Resolved from the
// parser, as its own require() finds them (the CommonJS build is the package's default export).
import { createRequire } from 'node:module';

const fromParser = createRequire(createRequire(import.meta.url).resolve('dockerfile-ast'));
export const PARSER_HELPERS = Object.fromEntries(['vscode-languageserver-types', 'vscode-languageserver-textdocument'].map((name) => [name, fromParser.resolve(name)]));
