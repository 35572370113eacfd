/**
 * Where a JSON text goes wrong, as a line and column. Engines disagree on what their
 * `JSON.parse` error says (V8 no longer gives a position), so this small scanner walks
 * the grammar itself; it only runs after `JSON.parse` has already refused the text.
 */
export interface JsonProblem {
  line: number;
  column: number;
  /** What the scanner expected there. */
  expected: string;
}

export function findJsonProblem(text: string): JsonProblem | undefined {
  let at = 0;
  const fail = (expected: string): never => {
    throw { at, expected };
  };
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, at)) at += word.length;
    else fail('a value');
  };
  const string = (): void => {
    if (text[at] !== '"') fail('a "quoted" string');
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\') at++;
      else if (text.charCodeAt(at) < 0x20) fail('the string to end (a raw line break in it)');
      at++;
    }
    if (at >= text.length) fail('the string to be closed with "');
    at++;
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) fail('a value');
    else at += match[0].length;
  };
  const list = (close: string, item: () => void): void => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[at] === ',') {
        at++;
        space();
      } else if (text[at] === close) {
        at++;
        return;
      } else fail(`"," or "${close}"`);
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      list('}', () => {
        string();
        space();
        if (text[at] !== ':') fail('":"');
        at++;
        value();
      });
    } else if (char === '[') list(']', value);
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    if (at < text.length) fail('the end of the file');
    return undefined;
  } catch (problem) {
    const { at: offset, expected } = problem as { at: number; expected: string };
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1, expected };
  }
}
