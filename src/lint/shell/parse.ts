import { tokenize, type Token, type Word } from './tokenize.js';

/** One simple command of a shell script: `name args...`, with its place in a pipeline. */
export interface ShellCommand {
  name: string;
  /** The arguments after the name (quotes removed). */
  args: string[];
  /** The words of the command, name first, with source offsets. */
  words: Word[];
  /** `NAME=value` words written before the name. */
  assignments: string[];
  /** The command's output goes into a pipe. */
  pipedOut: boolean;
  /** The command reads from a pipe. */
  pipedIn: boolean;
  /** Found inside `$(...)` or backticks. */
  nested: boolean;
  /** The operator that ends the command (`&&`, `||`, `;`, `|`, newline, or '' at the end). */
  terminator: string;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Any `|` or `|&` between commands. */
  hasPipe: boolean;
}

const RESERVED = new Set(['!', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'time', 'esac']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

/** Parses shell source into its simple commands, recursing into command substitutions. */
export function parseShell(text: string, escape = '\\', nested = false): ShellScript {
  const tokens: Token[] = tokenize(text, escape);
  const commands: ShellCommand[] = [];
  let hasPipe = false;
  let current: { words: Word[]; assignments: string[]; pipedIn: boolean } = { words: [], assignments: [], pipedIn: false };
  let skipUntilDo = false;
  let caseState: 'none' | 'subject' | 'patterns' = 'none';
  let expectPattern = false;
  let i = 0;

  const end = (terminator: string) => {
    if (current.words.length > 0) {
      const [first, ...rest] = current.words;
      commands.push({
        name: first.value,
        args: rest.map((w) => w.value),
        words: current.words,
        assignments: current.assignments,
        pipedOut: terminator === '|' || terminator === '|&',
        pipedIn: current.pipedIn,
        nested,
        terminator,
      });
    }
    const piped = terminator === '|' || terminator === '|&';
    if (piped) hasPipe = true;
    current = { words: [], assignments: [], pipedIn: piped && current.words.length > 0 };
  };

  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'op') {
      if (/^\d*(<<|<<-|<<<|>>|>&|<&|&>|&>>|>\||<>|<|>)/.test(token.value) && token.value !== '&&' && token.value !== '&') {
        // A redirection: its target is the next word unless the operator carries it (`2>&1`).
        if (!/[<>]&[\d-]+$/.test(token.value) && tokens[i + 1]?.kind === 'word') i++;
        continue;
      }
      if (token.value === ';;' && caseState !== 'none') expectPattern = true;
      if (token.value === ')' && expectPattern) {
        expectPattern = false;
        current = { words: [], assignments: [], pipedIn: false };
        continue;
      }
      if (skipUntilDo && (token.value === ';' || token.value === '\n')) continue;
      end(token.value);
      continue;
    }
    for (const inner of token.substitutions) commands.push(...parseShell(inner, '\\', true).commands);
    if (current.words.length === 0) {
      if (skipUntilDo) {
        if (token.value === 'do' && !token.quoted) skipUntilDo = false;
        continue;
      }
      if (caseState === 'subject') {
        if (token.value === 'in') {
          caseState = 'patterns';
          expectPattern = true;
        }
        continue;
      }
      if (expectPattern) continue;
      if (!token.quoted && token.value === 'esac') {
        caseState = 'none';
        expectPattern = false;
        continue;
      }
      if (!token.quoted && (token.value === 'for' || token.value === 'select')) {
        skipUntilDo = true;
        continue;
      }
      if (!token.quoted && token.value === 'case') {
        caseState = 'subject';
        continue;
      }
      if (!token.quoted && RESERVED.has(token.value)) continue;
      if (!token.quoted && ASSIGNMENT.test(token.value)) {
        current.assignments.push(token.value);
        continue;
      }
    }
    current.words.push(token);
  }
  end('');
  return { commands, hasPipe };
}
