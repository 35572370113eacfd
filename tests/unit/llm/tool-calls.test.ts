import { describe, expect, test } from 'vitest';
import { ToolArgumentsError, ToolCallAccumulator } from '../../../src/lib/llm/tool-calls';

describe('ToolCallAccumulator', () => {
  test('puts two calls together from interleaved deltas, in index order', () => {
    const calls = new ToolCallAccumulator();
    calls.add([{ index: 1, id: 'b', function: { name: 'search', arguments: '' } }]);
    calls.add([
      { index: 0, id: 'a', type: 'function', function: { name: 'add', arguments: '{"x":' } },
    ]);
    calls.add([{ index: 1, function: { arguments: '{"q":"wha' } }]);
    calls.add([{ index: 0, function: { arguments: '1,"y":2}' } }]);
    calls.add([{ index: 1, function: { arguments: 'les"}' } }]);
    expect(calls.finish()).toEqual([
      { id: 'a', name: 'add', arguments: { x: 1, y: 2 } },
      { id: 'b', name: 'search', arguments: { q: 'whales' } },
    ]);
  });

  test('empty arguments are {}; a call without an id gets one', () => {
    const calls = new ToolCallAccumulator();
    calls.add([{ function: { name: 'now' } }]);
    expect(calls.finish()).toEqual([{ id: 'call_0', name: 'now', arguments: {} }]);
  });

  test('arguments that are not JSON name the tool and show what came', () => {
    const calls = new ToolCallAccumulator();
    calls.add([
      { index: 0, id: 'a', function: { name: 'get_weather', arguments: '{"city": "Par' } },
    ]);
    expect(() => calls.finish()).toThrow(ToolArgumentsError);
    expect(() => calls.finish()).toThrow(/tool 'get_weather'.*\{"city": "Par/);
  });

  test('arguments that are JSON but not an object are refused too', () => {
    const calls = new ToolCallAccumulator();
    calls.add([{ index: 0, function: { name: 'f', arguments: '[1,2]' } }]);
    expect(() => calls.finish()).toThrow(/tool 'f'.*an array/);
  });
});
