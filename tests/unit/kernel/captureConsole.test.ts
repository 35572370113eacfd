import { describe, expect, test } from 'vitest';
import { captureConsole, formatLine, type StreamName } from '../../../src/kernel/console';
import { formatForConsole } from '../../../src/lib/format';

function fakeConsole() {
  const direct: unknown[][] = [];
  const target = {
    log: (...args: unknown[]) => direct.push(['log', ...args]),
    info: () => undefined,
    debug: () => undefined,
    dir: () => undefined,
    warn: (...args: unknown[]) => direct.push(['warn', ...args]),
    error: () => undefined,
    trace: () => undefined,
  } as unknown as Console;
  return { target, direct };
}

describe('captureConsole', () => {
  test('log goes to stdout and warn to stderr, formatted like the browser console', () => {
    const { target } = fakeConsole();
    const written: [StreamName, string][] = [];
    const restore = captureConsole(
      {
        write: (name, text) => written.push([name, text]) > 0,
        format: (args) => args.map((value) => `<${JSON.stringify(value)}>`).join(' '),
      },
      target,
    );
    target.log('loss', 0.5, { a: 1 });
    target.warn('careful');
    restore();
    expect(written).toEqual([
      ['stdout', '<"loss"> <0.5> <{"a":1}>\n'],
      ['stderr', '<"careful">\n'],
    ]);
  });

  test('without a running cell the original console is used, and restore puts it back', () => {
    const { target, direct } = fakeConsole();
    const original = target.log;
    const restore = captureConsole({ write: () => false, format: String }, target);
    target.log('start-up', 1);
    expect(direct).toEqual([['log', 'start-up', 1]]);
    restore();
    expect(target.log).toBe(original);
  });
});

describe('formatLine', () => {
  test('a formatter that throws falls back to String() of each argument', () => {
    const hostile = {
      get shape(): never {
        throw new Error('no');
      },
      toString: () => 'hostile',
    };
    const format = (): string => {
      throw new Error('disposed');
    };
    expect(formatLine(['a', 1, hostile], format)).toBe('a 1 hostile');
  });

  test("the kernel's console lines are the helpers' formatForConsole: substitutions work", () => {
    expect(formatLine(['%s is %d', 'loss', 0.5, { step: 3 }], formatForConsole)).toBe(
      'loss is 0.5 { step: 3 }',
    );
  });
});
