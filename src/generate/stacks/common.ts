import { parse } from 'shell-quote';
import { pickImage, type PickedImage } from '../base.js';
import { GenerateError } from '../types.js';
import type { StackInput } from './types.js';

/** Splits a start command into words; shell operators are refused, since exec form runs no shell. */
export function splitCommand(command: string, field: string): { env: Array<[string, string]>; words: string[] } {
  const parts = parse(command);
  const words: string[] = [];
  const env: Array<[string, string]> = [];
  for (const part of parts) {
    if (typeof part !== 'string') {
      throw new GenerateError(field, `"${command}" uses shell syntax`, 'give a plain command (exec form runs no shell), e.g. "node server.js"');
    }
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(part);
    if (words.length === 0 && assignment) env.push([assignment[1], assignment[2]]);
    else words.push(part);
  }
  if (words.length === 0) throw new GenerateError(field, 'is empty', 'give the command that starts the app');
  return { env, words };
}

/** A base image the table must have (build images exist for every stack in the table). */
export function requireImage(stack: string, role: 'build' | 'final', flavor: string, version: string | null, notes: string[], today?: string): string {
  const picked: PickedImage | null = pickImage(stack, role, flavor, version, today);
  if (!picked) throw new GenerateError('base', `no ${flavor} ${role} image for ${stack} in the base table`, 'choose another --base');
  if (picked.substitute && !notes.includes(picked.substitute)) notes.push(picked.substitute);
  return picked.entry.ref;
}

/** http://127.0.0.1:<port><path>, or null when no health check is wanted or no port is known. */
export function probeUrl(input: StackInput): string | null {
  const { healthcheck, port } = input.answers;
  if (healthcheck === 'none' || port === null) return null;
  return `http://127.0.0.1:${port}${healthcheck}`;
}

/** Why the image has no HEALTHCHECK; where the base cannot probe, it names the request the orchestrator should make instead. */
export function noProbeReason(input: StackInput, otherwise: string): string {
  const { healthcheck, port } = input.answers;
  if (healthcheck === 'none') return 'No health check: none was asked for (--healthcheck none); let the orchestrator probe the app.';
  if (port === null) return 'No health check: the app listens on no known port.';
  return `${otherwise.replace(/\.$/, '')}: GET ${healthcheck} on port ${port}.`;
}

export function has(input: StackInput, path: string): boolean {
  return input.files.has(path);
}

/** The first of `paths` that exists in the repo. */
export function firstOf(input: StackInput, paths: string[]): string | null {
  return paths.find((path) => input.files.has(path)) ?? null;
}

/** Existing files among `paths`, in the given order. */
export function existing(input: StackInput, paths: string[]): string[] {
  return paths.filter((path) => input.files.has(path));
}

/** A relative file path the command names (first word that looks like a file), to check it reaches the image. */
export function scriptFile(words: string[]): string[] {
  const file = words.find((word) => /^[\w./-]+\.(js|mjs|cjs|ts|py|rb|php|exs?)$/.test(word) && !word.startsWith('/'));
  return file ? [file.replace(/^\.\//, '')] : [];
}

/** An exec-form JSON array, one space after each comma. */
export function execForm(words: string[]): string {
  return `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}
