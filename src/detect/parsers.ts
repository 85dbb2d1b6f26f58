// Manifest parsers that report the line of a syntax error instead of throwing.
// TOML, YAML and XML parsers load on first use (createRequire keeps that synchronous), so
// detecting a plain Node repo never pays for them.
import { createRequire } from 'node:module';

export type Parsed<T = unknown> = { ok: true; value: T } | { ok: false; line: number; message: string };

const load = createRequire(import.meta.url);
let toml: { parse(text: string): unknown } | undefined;
let yaml: { parse(text: string): unknown; parseAllDocuments(text: string): Array<{ errors: unknown[]; toJS(): unknown }> | { errors: unknown[] } } | undefined;
let xml: {
  XMLValidator: { validate(text: string): true | { err: { msg: string; line: number } } };
  XMLParser: new (options: object) => { parse(text: string): unknown };
} | undefined;

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

export function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const lineCol = /\(line (\d+) column \d+\)/.exec(message);
    const line = lineCol ? Number(lineCol[1]) : position ? lineAt(text, Number(position[1])) : Math.max(1, text.split('\n').length);
    return { ok: false, line, message: firstLine(message.replace(/ in JSON at position \d+.*$/, '').replace(/, "[\s\S]*$/, '')) };
  }
}

/** JSON with comments and trailing commas (tsconfig.json, deno.jsonc), as those tools accept it. */
export function parseJsonc(text: string): Parsed {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      // Keep newlines so error lines still match the file.
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return parseJson(out.replace(/,(\s*[}\]])/g, ' $1'));
}

export function parseToml(text: string): Parsed<Record<string, unknown>> {
  toml ??= load('smol-toml') as { parse(text: string): unknown };
  try {
    return { ok: true, value: toml.parse(text) as Record<string, unknown> };
  } catch (error) {
    const line = typeof (error as { line?: unknown }).line === 'number' ? (error as { line: number }).line : 1;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, line, message: firstLine(message.replace(/^Invalid TOML document: /, '')) };
  }
}

export function parseYaml(text: string): Parsed {
  yaml ??= load('yaml') as typeof yaml & object;
  try {
    return { ok: true, value: yaml.parse(text) };
  } catch (error) {
    const pos = (error as { linePos?: Array<{ line: number }> }).linePos;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, line: pos?.[0]?.line ?? 1, message: firstLine(message.replace(/ at line \d+, column \d+:?$/m, '')) };
  }
}

/** The well-formed documents of a multi-document YAML stream (Spring's profile sections), in order. */
export function parseYamlDocuments(text: string): unknown[] {
  yaml ??= load('yaml') as typeof yaml & object;
  try {
    const docs = yaml!.parseAllDocuments(text);
    return Array.isArray(docs) ? docs.filter((doc) => doc.errors.length === 0).map((doc) => doc.toJS()) : [];
  } catch {
    return [];
  }
}

/** XML as plain objects: attributes under `@_name`, repeated elements as arrays. */
export function parseXml(text: string): Parsed<Record<string, unknown>> {
  xml ??= load('fast-xml-parser') as typeof xml & object;
  const valid = xml!.XMLValidator.validate(text);
  if (valid !== true) return { ok: false, line: valid.err.line, message: firstLine(valid.err.msg) };
  try {
    const parser = new xml!.XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true });
    return { ok: true, value: parser.parse(text) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, line: 1, message: firstLine(error instanceof Error ? error.message : String(error)) };
  }
}
