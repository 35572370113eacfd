/** Reading the offline model's reply while it streams: content, held-back markers, calls. */
import { describe, expect, it } from 'vitest';
import { ReplyStream, parseToolCalls } from '../../../src/lib/llm/offline-reply';

const id = (i: number) => `call_${i}`;

function stream(pieces: string[]) {
  const streamed: string[] = [];
  const reply = new ReplyStream((p) => streamed.push(p));
  for (const piece of pieces) reply.push(piece);
  return { streamed, reply };
}

describe('ReplyStream', () => {
  it('streams plain text piece by piece', () => {
    const { streamed, reply } = stream(['The', ' answer', ' is 5.']);
    expect(streamed).toEqual(['The', ' answer', ' is 5.']);
    expect(reply.finish(id)).toEqual({ content: 'The answer is 5.', toolCalls: [] });
  });

  it('holds back what may be the start of a marker, and streams none of a call', () => {
    const { streamed, reply } = stream([
      'Let me check.',
      '<tool',
      '_call>{"name": "calc", ',
      '"arguments": {"expr": "2 + 3"}}</tool_call>',
    ]);
    expect(streamed).toEqual(['Let me check.']);
    expect(reply.finish(id)).toEqual({
      content: 'Let me check.',
      toolCalls: [{ id: 'call_0', name: 'calc', arguments: { expr: '2 + 3' } }],
    });
  });

  it('releases a held-back "<" that turned out not to be a marker', () => {
    const { streamed, reply } = stream(['2 <', ' 3']);
    expect(streamed).toEqual(['2 ', '< 3']);
    expect(reply.finish(id).content).toBe('2 < 3');
  });

  it('gives broken call JSON back as content, streamed, so nothing is lost', () => {
    const { streamed, reply } = stream(['<tool_call>{"name": "calc", "argu']);
    const result = reply.finish(id);
    expect(result).toEqual({ content: '<tool_call>{"name": "calc", "argu', toolCalls: [] });
    expect(streamed.join('')).toBe(result.content);
  });
});

describe('parseToolCalls', () => {
  it('reads several calls in a row', () => {
    const text =
      '<tool_call>{"name": "a", "arguments": {}}</tool_call>' +
      '<tool_call>{"name": "b", "arguments": {"q": "x"}}</tool_call>';
    expect(parseToolCalls(text, id)).toEqual([
      { id: 'call_0', name: 'a', arguments: {} },
      { id: 'call_1', name: 'b', arguments: { q: 'x' } },
    ]);
  });

  it('refuses calls without a name or with arguments that are not an object', () => {
    expect(parseToolCalls('<tool_call>{"arguments": {}}</tool_call>', id)).toBeUndefined();
    expect(
      parseToolCalls('<tool_call>{"name": "a", "arguments": [1]}</tool_call>', id),
    ).toBeUndefined();
    expect(
      parseToolCalls('<tool_call>{"name": "a", "arguments": {}}</tool_call> and', id),
    ).toBeUndefined();
  });
});
