// The key-binding table, defined once: input handling and the footer hints both read it.
import type { Key } from 'ink';
import type { ScreenKind } from './state.js';

export type KeyCommand = 'quit' | 'submit' | 'edit' | 'back' | 'help' | 'up' | 'down' | 'toggle' | 'erase' | 'clear' | 'accept' | 'reject' | 'rewrite' | 'patches';

export interface KeyContext {
  screen: ScreenKind;
  /** The user is typing into a text answer: `?` and space are text then. */
  typing: boolean;
}

export interface KeyBinding {
  command: KeyCommand;
  /** How the footer names the keys. */
  label: string;
  /** What the key does, for the footer. */
  description: string;
  matches(input: string, key: Key, context: KeyContext): boolean;
  /** Screens where the footer shows it (all when absent). */
  screens?: readonly ScreenKind[];
  /** What the key does where that is not `description`; null hides it (nothing there for it to do). */
  hint?(screen: ScreenKind, footer: FooterContext): string | null;
}

/** What a screen holds that decides which hints its footer shows. */
export interface FooterContext {
  /** The review lists files that exist and would be replaced. */
  replaces: boolean;
  /** The review shows a retrofit's patch series, hunk by hunk. */
  hunks: boolean;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  {
    command: 'quit',
    label: 'Ctrl+C',
    description: 'quit, write nothing',
    // Once the files are written, quitting keeps them.
    hint: (screen) => (screen === 'write' || screen === 'next' ? 'quit' : 'quit, write nothing'),
    matches: (input, key) => key.ctrl && input === 'c',
  },
  { command: 'submit', label: 'Enter', description: 'accept', matches: (_input, key) => key.return },
  // The detect screen: go through every answer one by one instead of accepting them at once
  // (↓ is the move command, which does the same there).
  { command: 'edit', label: 'e/↓', description: 'change the answers one by one', matches: (input, _key, context) => input === 'e' && context.screen === 'detect', screens: ['detect'] },
  { command: 'back', label: 'Esc', description: 'back', matches: (_input, key) => key.escape, screens: ['question', 'review'] },
  {
    command: 'up',
    label: '↑/Shift+Tab',
    description: 'move',
    matches: (_input, key) => key.upArrow || (key.tab && key.shift),
    screens: ['question', 'review', 'next'],
  },
  { command: 'down', label: '↓/Tab', description: 'move', matches: (_input, key) => key.downArrow || (key.tab && !key.shift), screens: [] },
  {
    command: 'help',
    label: '?',
    description: 'help',
    matches: (input, _key, context) => input === '?' && context.screen === 'question' && !context.typing,
    screens: ['question'],
  },
  {
    command: 'toggle',
    label: 'Space',
    description: 'keep mine / replace',
    matches: (input, _key, context) => input === ' ' && context.screen === 'review',
    screens: ['review'],
    hint: (_screen, footer) => (footer.hunks ? 'accept / reject the hunk' : footer.replaces ? 'keep mine / replace' : null),
  },
  // Retrofit review: the screen names these itself, only when an existing Dockerfile is retrofitted.
  { command: 'accept', label: 'y', description: 'accept the hunk', matches: (input, _key, context) => input === 'y' && context.screen === 'review', screens: [] },
  { command: 'reject', label: 'n', description: 'reject the hunk', matches: (input, _key, context) => input === 'n' && context.screen === 'review', screens: [] },
  { command: 'rewrite', label: 'r', description: 'full rewrite', matches: (input, _key, context) => input === 'r' && context.screen === 'review', screens: [] },
  { command: 'patches', label: 'p', description: 'patch series', matches: (input, _key, context) => input === 'p' && context.screen === 'review', screens: [] },
  { command: 'erase', label: 'Backspace', description: 'erase', matches: (_input, key) => key.backspace || key.delete, screens: [] },
  { command: 'clear', label: 'Ctrl+U', description: 'clear', matches: (input, key) => key.ctrl && input === 'u', screens: [] },
];

/** The command a key press means here, or null (printable text is then typed). */
export function commandFor(input: string, key: Key, context: KeyContext): KeyCommand | null {
  return KEY_BINDINGS.find((binding) => binding.matches(input, key, context))?.command ?? null;
}

/** The footer hints of a screen: each key's label and what it does there. */
export function hintsFor(screen: ScreenKind, footer: FooterContext = { replaces: true, hunks: false }): Array<{ label: string; description: string }> {
  return KEY_BINDINGS.filter((binding) => !binding.screens || binding.screens.includes(screen)).flatMap((binding) => {
    const description = binding.hint ? binding.hint(screen, footer) : binding.description;
    return description === null ? [] : [{ label: binding.label, description }];
  });
}
