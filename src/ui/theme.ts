// Semantic colour tokens, defined once. Views ask for `theme.error`, never for 'red';
// with colour off (NO_COLOR, --no-color, no TTY) every token is undefined and text stays plain.
import { styleText } from 'node:util';

const TOKENS = {
  accent: 'cyan',
  success: 'green',
  warning: 'yellow',
  error: 'red',
  muted: 'gray',
  added: 'green',
  removed: 'red',
  hunk: 'cyan',
} as const;

export type Token = keyof typeof TOKENS;

export type Theme = { readonly [K in Token]: string | undefined } & { readonly color: boolean };

export function makeTheme(color: boolean): Theme {
  const entries = Object.entries(TOKENS).map(([token, value]) => [token, color ? value : undefined]);
  return { ...(Object.fromEntries(entries) as { [K in Token]: string | undefined }), color };
}

/** ANSI-coloured text for line-based output (plain prompts, --dry-run); plain text when colour is off. */
export function paint(theme: Theme, token: Token, text: string): string {
  const colour = theme[token];
  return colour ? styleText(colour as Parameters<typeof styleText>[0], text) : text;
}
