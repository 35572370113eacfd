/**
 * Fence markers (```` ``` ````, ```` ```` ````, `~~~`) under CommonMark's rules: a
 * closing fence uses the opening fence's character, at least as many times, indented by
 * at most three spaces, followed by nothing but spaces.
 */

/** Whether `line` closes a block opened with `marker`. */
export function closesFence(line: string, marker: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1][0] === marker[0] && match[1].length >= marker.length;
}

/**
 * The marker to write a code cell with: the cell's own when no line of the source would
 * close it, otherwise one longer than the longest such line. A backtick fence cannot
 * carry an info string with a backtick in it (CommonMark), so that case uses tildes.
 */
export function chooseFence(preferred: string, source: string, info: string): string {
  const valid = /^(`{3,}|~{3,})$/.test(preferred);
  let char = valid ? preferred[0] : '`';
  if (char === '`' && info.includes('`')) char = '~';
  let length = valid && preferred[0] === char ? preferred.length : 3;
  for (const line of source.split('\n')) {
    const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    if (match && match[1][0] === char) length = Math.max(length, match[1].length + 1);
  }
  return char.repeat(length);
}
