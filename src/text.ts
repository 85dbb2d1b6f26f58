// String helpers that several parts of harden-init need.

/** `text` as a literal inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text on one line, each run of whitespace folded to one space: code as evidence shows it, or as two commands are compared. */
export function foldSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
