import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { DependentInput } from '../../../src/ui/session/widget-dependents';
import { WIDGET_DEBOUNCE_MS, WidgetHost } from '../../../src/ui/session/widget-host';

const CELLS: Record<string, DependentInput> = {
  knob: { status: 'ok', count: 1, defines: ['k'], uses: [] },
  use: { status: 'ok', count: 2, defines: [], uses: ['k'] },
  other: { status: 'ok', count: 3, defines: ['o'], uses: [] },
  useOther: { status: 'ok', count: 4, defines: [], uses: ['o'] },
};

interface Harness {
  host: WidgetHost;
  sent: [string, unknown][];
  reruns: string[][];
  /** Resolves the re-run in progress. */
  finish: () => void;
}

function harness(): Harness {
  const sent: [string, unknown][] = [];
  const reruns: string[][] = [];
  let release: (() => void) | undefined;
  const host = new WidgetHost({
    sendInput: (name, value) => sent.push([name, value]),
    cells: () => CELLS,
    order: () => Object.keys(CELLS),
    rerun: (ids) => {
      reruns.push(ids);
      return new Promise<void>((resolve) => (release = resolve));
    },
  });
  return { host, sent, reruns, finish: () => release?.() };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('WidgetHost sends every value at once but re-runs a dragged slider once it pauses', async () => {
  const { host, sent, reruns } = harness();
  for (const value of [0.1, 0.2, 0.3]) {
    host.change({ id: 's1', cellId: 'knob', value }, { debounce: true });
    await vi.advanceTimersByTimeAsync(WIDGET_DEBOUNCE_MS / 2);
  }
  expect(sent).toEqual([
    ['s1', 0.1],
    ['s1', 0.2],
    ['s1', 0.3],
  ]);
  expect(reruns).toEqual([]);
  await vi.advanceTimersByTimeAsync(WIDGET_DEBOUNCE_MS);
  expect(reruns).toEqual([['use']]);
});

test('WidgetHost never runs two re-runs at once: changes meanwhile make one more', async () => {
  const { host, reruns, finish } = harness();
  host.change({ id: 'b1', cellId: 'knob', value: 1 });
  await vi.advanceTimersByTimeAsync(0);
  expect(reruns).toEqual([['use']]);
  host.change({ id: 'b1', cellId: 'knob', value: 2 });
  host.change({ id: 'sel', cellId: 'other', value: 0 });
  host.change({ id: 'b1', cellId: 'knob', value: 3 });
  await vi.advanceTimersByTimeAsync(0);
  expect(reruns).toHaveLength(1);
  finish();
  await vi.advanceTimersByTimeAsync(0);
  expect(reruns).toEqual([['use'], ['use', 'useOther']]);
  finish();
  await host.idle();
  expect(reruns).toHaveLength(2);
});

test('WidgetHost stops re-running and sending once disposed', async () => {
  const { host, sent, reruns } = harness();
  host.change({ id: 's1', cellId: 'knob', value: 0.5 }, { debounce: true });
  host.dispose();
  host.change({ id: 's1', cellId: 'knob', value: 0.6 });
  await vi.advanceTimersByTimeAsync(WIDGET_DEBOUNCE_MS * 2);
  expect(sent).toEqual([['s1', 0.5]]);
  expect(reruns).toEqual([]);
});
