import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { display, html, md } from '../../../src/lib/display';
import { toMimeBundle } from '../../../src/lib/mime';
import { flushPendingOutputs } from '../../../src/lib/throttle';
import { ofType, recordKernel } from './recording-context';

describe('display', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('posts a display message with a fresh id for the current cell', () => {
    const { sent } = recordKernel();
    const first = display({ lr: 0.01 });
    const second = display('hi');
    expect(sent).toEqual([
      { type: 'display', cellId: 'c1', displayId: first.id, data: { [MIME.text]: '{ lr: 0.01 }' } },
      { type: 'display', cellId: 'c1', displayId: second.id, data: { [MIME.text]: '"hi"' } },
    ]);
    expect(first.id).not.toBe(second.id);
  });

  it('shows nothing for undefined, then creates the output on the first real update', () => {
    const { sent } = recordKernel();
    const handle = display(undefined);
    expect(sent).toEqual([]);
    handle.update(3);
    expect(sent).toEqual([
      { type: 'display', cellId: 'c1', displayId: handle.id, data: { [MIME.text]: '3' } },
    ]);
  });

  it('throttles updates to about 15 per second and always delivers the last one', () => {
    const { sent } = recordKernel();
    const handle = display(0);
    for (let i = 1; i <= 100; i++) handle.update(i); // all within the same millisecond
    expect(ofType(sent, 'update-display')).toEqual([]);
    vi.advanceTimersByTime(100);
    const updates = ofType(sent, 'update-display');
    expect(updates).toEqual([
      { type: 'update-display', cellId: 'c1', displayId: handle.id, data: { [MIME.text]: '100' } },
    ]);
  });

  it('sends updates during a long synchronous loop, where timers cannot fire', () => {
    const { sent } = recordKernel();
    const handle = display(0);
    // One simulated second of a busy loop: the clock moves, but no timer runs.
    for (let ms = 1; ms <= 1000; ms++) {
      vi.setSystemTime(1_000_000 + ms);
      handle.update(ms);
    }
    const during = ofType(sent, 'update-display').length;
    expect(during).toBeGreaterThanOrEqual(13);
    expect(during).toBeLessThanOrEqual(16);
    flushPendingOutputs();
    const last = ofType(sent, 'update-display').at(-1);
    expect(last?.data).toEqual({ [MIME.text]: '1000' });
  });

  it('keeps the cell it was created in, even if updated after another cell started', () => {
    const { sent, runCell } = recordKernel();
    const handle = display('a');
    runCell('c2');
    vi.advanceTimersByTime(1000);
    handle.update('b');
    expect(ofType(sent, 'update-display')[0].cellId).toBe('c1');
  });

  it('accepts an id chosen by the caller', () => {
    const { sent } = recordKernel();
    display('x', { id: 'status' });
    expect(ofType(sent, 'display')[0].displayId).toBe('status');
  });
});

describe('md and html', () => {
  it('display as Markdown or HTML with a plain-text fallback', () => {
    expect(toMimeBundle(md('**bold**'))).toEqual({
      [MIME.markdown]: '**bold**',
      [MIME.text]: '**bold**',
    });
    expect(toMimeBundle(html('<b>x</b>'))).toEqual({
      [MIME.html]: '<b>x</b>',
      [MIME.text]: '<b>x</b>',
    });
  });

  it('work through display() too', () => {
    const { sent } = recordKernel();
    display(md('# Title'));
    expect(ofType(sent, 'display')[0].data[MIME.markdown]).toBe('# Title');
  });
});
