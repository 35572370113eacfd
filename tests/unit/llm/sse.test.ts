import { describe, expect, test } from 'vitest';
import { SseParser } from '../../../src/lib/llm/sse';

describe('SseParser', () => {
  test('gives the data of each event, joining multi-line data and skipping comments', () => {
    const parser = new SseParser();
    const events = parser.push(
      ': keep-alive\n\ndata: {"a":1}\n\nevent: x\ndata: one\ndata: two\nid: 3\n\n',
    );
    expect(events).toEqual(['{"a":1}', 'one\ntwo']);
  });

  test('keeps a line cut between chunks until its end arrives, byte by byte too', () => {
    const text = 'data: {"content":"Hel"}\n\ndata: {"content":"lo"}\n\ndata: [DONE]\n\n';
    const parser = new SseParser();
    const events = Array.from(text).flatMap((ch) => parser.push(ch));
    expect(events).toEqual(['{"content":"Hel"}', '{"content":"lo"}', '[DONE]']);
  });

  test('takes \\r\\n and \\r line endings, even with \\r\\n split across chunks', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n\r\ndata: b\r\r')).toEqual(['a', 'b']);
  });

  test('an event the server did not close with a blank line still counts at the end', () => {
    const parser = new SseParser();
    expect(parser.push('data: last')).toEqual([]);
    expect(parser.end()).toEqual(['last']);
  });

  test('"data:" without a space and a bare "data" line', () => {
    const parser = new SseParser();
    expect(parser.push('data:x\n\ndata\n\n')).toEqual(['x', '']);
  });
});
