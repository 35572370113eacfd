import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { OutputBatcher, STREAM_FLUSH_MS } from '../../../src/kernel/output-batcher';
import { cellId, type KernelMessage } from '../../../src/protocol/messages';

const cell = cellId('train');

describe('OutputBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function batcher() {
    const sent: KernelMessage[] = [];
    return { sent, batcher: new OutputBatcher((message) => sent.push(message)) };
  }

  test('a burst of prints crosses as one message after a short delay', () => {
    const { sent, batcher: output } = batcher();
    for (let i = 0; i < 1000; i++) output.stream(cell, 'stdout', `${i}\n`);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(STREAM_FLUSH_MS);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'stream', cellId: cell, name: 'stdout' });
    expect(sent[0].type === 'stream' && sent[0].text.split('\n')).toHaveLength(1001);
  });

  test('any other message sends the text printed before it first, keeping the order', () => {
    const { sent, batcher: output } = batcher();
    output.stream(cell, 'stdout', 'a\n');
    output.stream(cell, 'stderr', 'b\n');
    output.send({ type: 'result', cellId: cell, data: { 'text/plain': '1' } });
    expect(sent.map((message) => message.type)).toEqual(['stream', 'stream', 'result']);
    expect(sent[0]).toMatchObject({ name: 'stdout', text: 'a\n' });
    expect(sent[1]).toMatchObject({ name: 'stderr', text: 'b\n' });
  });

  test('a flood sends its tail and how many lines it left out', () => {
    const { sent, batcher: output } = batcher();
    for (let i = 0; i < 1e6; i++) output.stream(cell, 'stdout', `line ${i}\n`);
    output.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'stream', dropped: 995_000 });
    expect(sent[0].type === 'stream' && sent[0].text.startsWith('line 995000\n')).toBe(true);
  });
});
