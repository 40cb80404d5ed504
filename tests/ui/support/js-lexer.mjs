// A small JavaScript lexer, just enough to find string literals (and the static parts of
// template literals) in our own UI code and to see the code around them. It knows comments,
// the three kinds of quotes, `${…}` nesting and regular-expression literals (by the usual
// "what came before the slash" rule). Not a parser: it only has to be right for ui/js.

const REGEX_PRECEDERS = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/// Returns `{literals, code}`. `literals` are `{value, start, end, kind, beforeExpr}` where
/// `kind` is 'string' or 'template' and `beforeExpr` says a template chunk is followed by
/// `${` (so it is the head of a computed string). `code` is the source with every literal's
/// content and every comment replaced by spaces (same length), for bracket matching.
export function lexJs(source) {
  const literals = [];
  const code = source.split('');
  const blank = (from, to) => {
    for (let i = from; i < to; i += 1) if (code[i] !== '\n') code[i] = ' ';
  };
  // Stack of open template expressions: each entry is the brace depth inside `${`.
  const templateStack = [];
  let i = 0;
  let lastSignificant = '';

  const readTemplateChunk = (start) => {
    // `start` is just after a backtick or after the `}` that closes an expression.
    let j = start;
    let value = '';
    while (j < source.length) {
      const ch = source[j];
      if (ch === '\\') {
        value += source.slice(j, j + 2);
        j += 2;
      } else if (ch === '`') {
        literals.push({ value, start, end: j, kind: 'template', beforeExpr: false });
        blank(start, j);
        return { next: j + 1, opened: false };
      } else if (ch === '$' && source[j + 1] === '{') {
        literals.push({ value, start, end: j, kind: 'template', beforeExpr: true });
        blank(start, j);
        return { next: j + 2, opened: true };
      } else {
        value += ch;
        j += 1;
      }
    }
    throw new Error('unterminated template literal');
  };

  while (i < source.length) {
    const ch = source[i];
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end === -1) throw new Error('unterminated comment');
      blank(i, end + 2);
      i = end + 2;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let value = '';
      while (j < source.length && source[j] !== ch) {
        if (source[j] === '\\') {
          value += unescape(source.slice(j, j + 2));
          j += 2;
        } else if (source[j] === '\n') {
          throw new Error(`unterminated string at ${i}`);
        } else {
          value += source[j];
          j += 1;
        }
      }
      literals.push({ value, start: i + 1, end: j, kind: 'string', beforeExpr: false });
      blank(i + 1, j);
      i = j + 1;
      lastSignificant = ch;
      continue;
    }
    if (ch === '`') {
      const { next: after, opened } = readTemplateChunk(i + 1);
      if (opened) templateStack.push(0);
      i = after;
      lastSignificant = '`';
      continue;
    }
    if (templateStack.length && (ch === '{' || ch === '}')) {
      const top = templateStack.length - 1;
      if (ch === '{') templateStack[top] += 1;
      else if (templateStack[top] === 0) {
        templateStack.pop();
        const { next: after, opened } = readTemplateChunk(i + 1);
        if (opened) templateStack.push(0);
        i = after;
        lastSignificant = '`';
        continue;
      } else templateStack[top] -= 1;
    }
    if (ch === '/') {
      const before = source.slice(Math.max(0, i - 12), i).trimEnd();
      const regexAllowed = lastSignificant === '' || REGEX_PRECEDERS.has(lastSignificant)
        || (/[\w$]/.test(lastSignificant) && REGEX_KEYWORDS.test(before));
      if (regexAllowed) {
        let j = i + 1;
        let inClass = false;
        while (j < source.length) {
          const c = source[j];
          if (c === '\\') j += 2;
          else if (c === '[') { inClass = true; j += 1; }
          else if (c === ']') { inClass = false; j += 1; }
          else if (c === '/' && !inClass) break;
          else if (c === '\n') throw new Error(`unterminated regex at ${i}`);
          else j += 1;
        }
        blank(i + 1, j);
        i = j + 1;
        while (/[a-z]/i.test(source[i] ?? '')) i += 1;
        lastSignificant = ')';
        continue;
      }
    }
    if (!/\s/.test(ch)) lastSignificant = ch;
    i += 1;
  }
  return { literals, code: code.join('') };
}

function unescape(pair) {
  const map = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
  return map[pair[1]] ?? pair[1];
}

/// The brackets enclosing position `pos` in blanked `code`, innermost first:
/// `[{open: '('|'['|'{', at, argIndex}]` where argIndex counts the top-level commas between
/// the bracket and `pos`.
export function enclosing(code, pos, levels = 3) {
  const found = [];
  let depth = 0;
  let commas = 0;
  for (let i = pos - 1; i >= 0 && found.length < levels; i -= 1) {
    const ch = code[i];
    if (ch === ')' || ch === ']' || ch === '}') depth += 1;
    else if (ch === '(' || ch === '[' || ch === '{') {
      if (depth === 0) {
        found.push({ open: ch, at: i, argIndex: commas });
        commas = 0;
      } else depth -= 1;
    } else if (ch === ',' && depth === 0) commas += 1;
  }
  return found;
}

/// The name called by the `(` at `openAt` (e.g. `el`, `append`), or null.
export function calleeName(code, openAt) {
  const match = /([A-Za-z_$][\w$]*)\s*$/.exec(code.slice(Math.max(0, openAt - 60), openAt));
  return match ? match[1] : null;
}
