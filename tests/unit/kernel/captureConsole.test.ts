import { describe, expect, test } from 'vitest';
import { captureConsole, formatArguments, type StreamName } from '../../../src/kernel/console';

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
        format: (value) => `<${JSON.stringify(value)}>`,
      },
      target,
    );
    target.log('loss', 0.5, { a: 1 });
    target.warn('careful');
    restore();
    expect(written).toEqual([
      ['stdout', 'loss <0.5> <{"a":1}>\n'],
      ['stderr', 'careful\n'],
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

describe('formatArguments', () => {
  test('strings stay raw; a formatter that throws falls back to String()', () => {
    const format = (value: unknown) => {
      if (value === 2) throw new Error('disposed');
      return `#${String(value)}`;
    };
    expect(formatArguments(['a', 1, 2, 'b'], format)).toBe('a #1 2 b');
  });
});
