import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InterruptedError } from '../../../src/lib/context';
import { formatPostfix, progress } from '../../../src/lib/progress';
import { ofType, recordKernel } from './recording-context';

const bars = (sent: Parameters<typeof ofType>[0]) =>
  ofType(sent, 'progress').map(({ value, max }) => [value, max]);

describe('progress (for … of)', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0, toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('counts 0..n-1 for a number and posts the start and final state', () => {
    const { sent } = recordKernel();
    const seen = [...progress(5, { label: 'epochs' })];
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    const messages = ofType(sent, 'progress');
    expect(messages[0]).toMatchObject({ cellId: 'c1', label: 'epochs', value: 0, max: 5 });
    expect(bars(sent)).toEqual([
      [0, 5],
      [5, 5],
    ]);
    expect(new Set(messages.map((m) => m.displayId)).size).toBe(1);
  });

  it('iterates the items of an array, taking the total from its length', () => {
    const { sent } = recordKernel();
    expect([...progress(['a', 'b', 'c'])]).toEqual(['a', 'b', 'c']);
    expect(bars(sent).at(-1)).toEqual([3, 3]);
  });

  it('posts at most ~10 updates per second while the loop runs', () => {
    const { sent } = recordKernel();
    for (const _step of progress(100)) vi.setSystemTime(Date.now() + 20); // 2 s in all
    const count = ofType(sent, 'progress').length;
    expect(count).toBeGreaterThanOrEqual(19);
    expect(count).toBeLessThanOrEqual(22);
    expect(bars(sent).at(-1)).toEqual([100, 100]);
  });

  it('shows an unknown total as max 0 until the end', () => {
    const { sent } = recordKernel();
    function* letters() {
      yield 'x';
      yield 'y';
    }
    expect([...progress(letters())]).toEqual(['x', 'y']);
    expect(bars(sent)).toEqual([
      [0, 0],
      [2, 2],
    ]);
    expect([...progress(letters(), { total: 2 })]).toEqual(['x', 'y']);
  });

  it('posts the final state when the loop breaks early', () => {
    const { sent } = recordKernel();
    for (const step of progress(10)) if (step === 3) break;
    expect(bars(sent).at(-1)).toEqual([4, 10]);
  });

  it('throws InterruptedError at the next step once Stop was pressed', () => {
    const { sent, stop } = recordKernel();
    const seen: number[] = [];
    expect(() => {
      for (const step of progress(10)) {
        seen.push(step);
        if (step === 2) stop.pressed = true;
      }
    }).toThrow(InterruptedError);
    expect(seen).toEqual([0, 1, 2]);
    expect(bars(sent).at(-1)).toEqual([3, 10]);
  });

  it('sends the time since the bar started and the postfix the loop sets', () => {
    const { sent } = recordKernel();
    const bar = progress(3, { label: 'steps' });
    for (const step of bar) {
      vi.setSystemTime(Date.now() + 500);
      bar.postfix({ loss: 1 / (step + 3), step });
    }
    const last = ofType(sent, 'progress').at(-1);
    expect(last).toMatchObject({ value: 3, max: 3, elapsedMs: 1500, postfix: 'loss=0.2, step=2' });
    bar.postfix('custom text');
    for (const _step of bar) break;
    expect(ofType(sent, 'progress').at(-1)?.postfix).toBe('custom text');
  });

  it('formats postfix numbers to 3 significant digits, as tqdm does', () => {
    expect(formatPostfix({ loss: 0.231049, acc: 0.9, epoch: 3, name: 'adam' })).toBe(
      'loss=0.231, acc=0.9, epoch=3, name=adam',
    );
    expect(formatPostfix({ big: 12345.678, nan: Number.NaN })).toBe('big=12300, nan=NaN');
  });

  it('refuses a step count that is not a whole number', () => {
    recordKernel();
    expect(() => progress(2.5)).toThrow(RangeError);
  });
});

describe('progress (for await … of)', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the same items and bar states as the sync form', async () => {
    const { sent } = recordKernel();
    const seen: string[] = [];
    for await (const item of progress(['a', 'b'], { label: 'files' })) seen.push(item);
    expect(seen).toEqual(['a', 'b']);
    expect(bars(sent)).toEqual([
      [0, 2],
      [2, 2],
    ]);
  });

  it('lets the kernel receive Stop during a long loop, which the sync form cannot', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date'] });
    const { stop } = recordKernel();
    // The kernel's message handler: a task that can only run when the loop yields.
    setTimeout(() => (stop.pressed = true), 0);
    let steps = 0;
    const run = async () => {
      for await (const _step of progress(100_000)) {
        steps += 1;
        vi.setSystemTime(Date.now() + 30); // each step "takes" 30 ms
      }
    };
    await expect(run()).rejects.toThrow(InterruptedError);
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThan(100_000);

    stop.pressed = false;
    setTimeout(() => (stop.pressed = true), 0);
    let syncSteps = 0;
    for (const _step of progress(2000)) {
      syncSteps += 1;
      vi.setSystemTime(Date.now() + 30);
    }
    expect(syncSteps).toBe(2000);
  });
});
