/**
 * A POSIX-shell tokenizer for RUN instructions. It works on the raw instruction text (Dockerfile
 * line continuations and comment lines still in it) and keeps source offsets, so fixes can edit
 * the original text in place.
 */
export interface Word {
  kind: 'word';
  /** The word after quote removal (expansions kept as written). */
  value: string;
  start: number;
  end: number;
  /** Any part of the word was quoted. */
  quoted: boolean;
  /** Scripts found in `$(...)` or backticks inside the word. */
  substitutions: string[];
}

export interface Operator {
  kind: 'op';
  /** `&&`, `||`, `;`, `;;`, `&`, `|`, `|&`, `(`, `)`, newline as `\n`, or a redirection (`>`, `2>&1`...). */
  value: string;
  start: number;
  end: number;
}

export type Token = Word | Operator;

const CONTROL = ['&&', '||', ';;', '|&', ';', '&', '|', '(', ')'];
const REDIRECT = ['<<<', '<<-', '&>>', '<<', '>>', '>&', '<&', '&>', '>|', '<>', '<', '>'];
/** Characters that end a word or start a quoted or expanded part of it. */
const WORD_BREAK = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>', '\\', "'", '"', '$', '`']);

/** Skips a `$(`/`${`/`` ` `` region, returning the index after its end (or the text end). */
function skipNested(text: string, i: number, open: string, close: string): number {
  let depth = 1;
  while (i < text.length && depth > 0) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === "'" && open !== '{') {
      const end = text.indexOf("'", i + 1);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else {
      if (text.startsWith(open, i) && open !== close) depth++;
      else if (c === close) depth--;
      i++;
    }
  }
  return Math.min(i, text.length);
}

/**
 * Splits shell source into words and operators. `escape` is the Dockerfile escape character:
 * `escape` + newline is a line continuation, and comment lines inside a continued instruction are
 * dropped, as the Docker builder does.
 */
export function tokenize(text: string, escape = '\\'): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let word: Word | null = null;

  const flush = () => {
    if (word) tokens.push(word);
    word = null;
  };
  const ensureWord = (start: number): Word => {
    if (!word) word = { kind: 'word', value: '', start, end: start, quoted: false, substitutions: [] };
    return word;
  };

  while (i < text.length) {
    const c = text[i];
    // Dockerfile line continuation.
    if (c === escape && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
      // Comment and empty lines inside a continued instruction are not part of it.
      for (;;) {
        let j = i;
        while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
        if (text[j] === '#' || text[j] === '\n' || (text[j] === '\r' && text[j + 1] === '\n')) {
          const nl = text.indexOf('\n', j);
          if (nl < 0) {
            i = text.length;
            break;
          }
          i = nl + 1;
        } else break;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
      continue;
    }
    if (c === '\n') {
      flush();
      tokens.push({ kind: 'op', value: '\n', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '#' && !word) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if (!word) {
      // An IO number: digits directly followed by a redirection.
      const io = /^\d+(?=[<>])/.exec(text.slice(i, i + 4));
      const at = io ? i + io[0].length : i;
      const redirect = REDIRECT.find((op) => text.startsWith(op, at));
      if (redirect) {
        let end = at + redirect.length;
        // `2>&1`, `>&-`: the descriptor is part of the operator.
        if ((redirect === '>&' || redirect === '<&') && /[\d-]/.test(text[end] ?? '')) {
          while (/[\d-]/.test(text[end] ?? '')) end++;
        }
        tokens.push({ kind: 'op', value: text.slice(i, end), start: i, end });
        i = end;
        continue;
      }
      const control = CONTROL.find((op) => text.startsWith(op, i));
      if (control) {
        tokens.push({ kind: 'op', value: control, start: i, end: i + control.length });
        i += control.length;
        continue;
      }
    } else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>') {
      flush();
      continue;
    }
    const w = ensureWord(i);
    if (c === '\\') {
      if (text[i + 1] === '\n') i += 2;
      else {
        w.value += text[i + 1] ?? '';
        i += 2;
      }
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      w.value += text.slice(i + 1, stop);
      w.quoted = true;
      i = stop + 1;
    } else if (c === '"') {
      w.quoted = true;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && '$`"\\\n'.includes(text[i + 1] ?? '')) {
          if (text[i + 1] !== '\n') w.value += text[i + 1];
          i += 2;
        } else if (text[i] === escape && text[i + 1] === '\n') {
          i += 2;
        } else if (text.startsWith('$(', i)) {
          const end = skipNested(text, i + 2, '(', ')');
          w.value += text.slice(i, end);
          w.substitutions.push(text.slice(i + 2, end - 1));
          i = end;
        } else if (text[i] === '`') {
          const end = text.indexOf('`', i + 1);
          const stop = end < 0 ? text.length : end;
          w.substitutions.push(text.slice(i + 1, stop));
          w.value += text.slice(i, stop + 1);
          i = stop + 1;
        } else {
          w.value += text[i];
          i++;
        }
      }
      i++;
    } else if (text.startsWith('$(', i)) {
      const end = skipNested(text, i + 2, '(', ')');
      w.value += text.slice(i, end);
      if (text[i + 2] !== '(') w.substitutions.push(text.slice(i + 2, end - 1));
      i = end;
    } else if (text.startsWith('${', i)) {
      const end = skipNested(text, i + 2, '{', '}');
      w.value += text.slice(i, end);
      i = end;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const stop = end < 0 ? text.length : end;
      w.substitutions.push(text.slice(i + 1, stop));
      w.value += text.slice(i, stop + 1);
      i = stop + 1;
    } else {
      // A run of plain characters is copied in one piece.
      let j = i + 1;
      while (j < text.length && !WORD_BREAK.has(text[j]) && text[j] !== escape) j++;
      w.value += text.slice(i, j);
      i = j;
    }
    w.end = Math.min(i, text.length);
  }
  flush();
  return tokens;
}
