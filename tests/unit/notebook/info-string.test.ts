import { describe, expect, it } from 'vitest';
import { formatInfoString, parseInfoString, roleOf } from '../../../src/notebook/info-string';
import { NotebookError } from '../../../src/notebook/types';

describe('parseInfoString', () => {
  it('reads the language, pairs and flags', () => {
    expect(parseInfoString('ts {id=grad exercise}', 1)).toEqual({
      lang: 'ts',
      attrs: { id: 'grad', exercise: true },
      extra: '',
    });
    expect(parseInfoString(' python', 1)).toEqual({ lang: 'python', attrs: {}, extra: '' });
    expect(parseInfoString('', 1)).toEqual({ lang: '', attrs: {}, extra: '' });
  });

  it('lower-cases the language and tolerates spacing', () => {
    expect(parseInfoString('TS{id=a}', 1).lang).toBe('ts');
    expect(parseInfoString('js   {  id=a   check for=b }  ', 1).attrs).toEqual({
      id: 'a',
      check: true,
      for: 'b',
    });
  });

  it('reads quoted values with spaces, braces and escapes', () => {
    expect(
      parseInfoString('ts {title="Fit a {line}" note="say \\"hi\\" \\\\ bye"}', 1).attrs,
    ).toEqual({
      title: 'Fit a {line}',
      note: 'say "hi" \\ bye',
    });
    expect(parseInfoString('ts {title=""}', 1).attrs).toEqual({ title: '' });
  });

  it('reports text outside the braces as extra', () => {
    expect(parseInfoString('ts title', 1).extra).toBe('title');
    expect(parseInfoString('ts {id=a} tail', 1).extra).toBe('tail');
  });

  it('throws NotebookErrors that name the line', () => {
    const cases: [string, RegExp][] = [
      ['ts {id=a', /missing "}" \(line 7\)$/],
      ['ts {title="open}', /quoted value of "title" is not closed \(line 7\)$/],
      ['ts {id=a id=b}', /"id" is given twice \(line 7\)$/],
      ['ts {=a}', /expected a name/],
      ['ts {id= x}', /"id=" has no value/],
    ];
    for (const [info, message] of cases) {
      expect(() => parseInfoString(info, 7)).toThrow(NotebookError);
      expect(() => parseInfoString(info, 7)).toThrow(message);
    }
  });
});

describe('formatInfoString', () => {
  it('writes the canonical form, quoting only when needed', () => {
    expect(formatInfoString('ts', { id: 'fit' })).toBe('ts {id=fit}');
    expect(formatInfoString('ts', { id: 'grad', exercise: true })).toBe('ts {id=grad exercise}');
    expect(formatInfoString('python', {})).toBe('python');
    expect(formatInfoString('', { id: 'x' })).toBe('{id=x}');
    expect(formatInfoString('ts', { title: 'a "b" c', empty: '' })).toBe(
      'ts {title="a \\"b\\" c" empty=""}',
    );
  });

  it('is read back by parseInfoString', () => {
    const attrs = { id: 'x-1', title: 'Fit {it} = "well"\\', solution: true as const, for: 'y' };
    expect(parseInfoString(formatInfoString('js', attrs), 1)).toEqual({
      lang: 'js',
      attrs,
      extra: '',
    });
  });
});

describe('roleOf', () => {
  it('derives the role from language and flags', () => {
    expect(roleOf('ts', {}, 1)).toBe('code');
    expect(roleOf('javascript', { exercise: true }, 1)).toBe('exercise');
    expect(roleOf('ts', { solution: true, for: 'a' }, 1)).toBe('solution');
    expect(roleOf('js', { check: true, for: 'a' }, 1)).toBe('check');
    expect(roleOf('python', {}, 1)).toBe('static');
    expect(roleOf('', {}, 1)).toBe('static');
    // A value, not a flag: `exercise=no` does not make an exercise.
    expect(roleOf('ts', { exercise: 'no' }, 1)).toBe('code');
  });
});
