import { describe, expect, test } from 'vitest';
import { cellId, type StreamMessage } from '../../../src/protocol/messages';
import {
  FrameQueue,
  MAX_NEW_OUTPUTS_PER_FRAME,
  mergeStreamMessages,
} from '../../../src/ui/session/frame-queue';
import type { CellMessage } from '../../../src/ui/session/kernel-client';

const cell = cellId('a');

/** A queue whose frames the test runs by hand. */
function manualQueue() {
  const frames: Array<() => void> = [];
  const applied: CellMessage[][] = [];
  const queue = new FrameQueue(
    (messages) => {
      applied.push(messages);
      return messages.filter((message) => message.type === 'display').length;
    },
    (callback) => frames.push(callback),
  );
  const nextFrame = (): void => frames.shift()?.();
  return { queue, applied, frames, nextFrame };
}

const stream = (text: string, dropped?: number): StreamMessage => ({
  type: 'stream',
  cellId: cell,
  name: 'stdout',
  text,
  ...(dropped ? { dropped } : {}),
});

describe('FrameQueue', () => {
  test('everything that arrived before a frame is applied once, in that frame', () => {
    const { queue, applied, frames, nextFrame } = manualQueue();
    queue.push(stream('a\n'));
    queue.push(stream('b\n'));
    queue.push({ type: 'result', cellId: cell, data: {} });
    expect(applied).toHaveLength(0);
    expect(frames).toHaveLength(1);
    nextFrame();
    expect(applied).toEqual([[stream('a\nb\n'), { type: 'result', cellId: cell, data: {} }]]);
  });

  test('a frame adds at most MAX_NEW_OUTPUTS_PER_FRAME outputs; drained() waits for the rest', async () => {
    const { queue, applied, nextFrame } = manualQueue();
    for (let i = 0; i < 50; i++) queue.push({ type: 'display', cellId: cell, data: { i } });
    let drained = false;
    void queue.drained().then(() => (drained = true));
    nextFrame();
    expect(applied[0]).toHaveLength(MAX_NEW_OUTPUTS_PER_FRAME);
    await Promise.resolve();
    expect(drained).toBe(false);
    nextFrame();
    nextFrame();
    expect(applied.map((batch) => batch.length)).toEqual([20, 20, 10]);
    await Promise.resolve();
    expect(drained).toBe(true);
  });

  test('flushAll applies what waits at once', () => {
    const { queue, applied } = manualQueue();
    queue.push(stream('x'));
    queue.flushAll();
    expect(applied).toEqual([[stream('x')]]);
  });
});

describe('mergeStreamMessages', () => {
  test('joins the text and keeps the count of dropped lines', () => {
    expect(mergeStreamMessages(stream('a\n', 3), stream('b\n'))).toEqual(stream('a\nb\n', 3));
    // Lines dropped between the two: the first text is among them.
    expect(mergeStreamMessages(stream('a\nb\n', 3), stream('z\n', 10))).toEqual(stream('z\n', 15));
  });
});

test('messages that add nothing (the cell keeps its maximum) do not use up a frame', () => {
  const frames: Array<() => void> = [];
  const applied: CellMessage[][] = [];
  const queue = new FrameQueue(
    (messages) => {
      applied.push(messages);
      return 0;
    },
    (callback) => frames.push(callback),
  );
  for (let i = 0; i < 500; i++) queue.push({ type: 'display', cellId: cell, data: { i } });
  frames.shift()?.();
  expect(applied.flat()).toHaveLength(500);
  expect(frames).toHaveLength(0);
});
