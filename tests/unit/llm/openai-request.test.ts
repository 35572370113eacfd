import { describe, expect, test } from 'vitest';
import { openAIBody } from '../../../src/lib/llm/openai-request';

describe('openAIBody', () => {
  test('a tool round trip: the assistant call (content null) and the tool answer', () => {
    const body = openAIBody(
      {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Weather in Paris?' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [{ id: 'c1', name: 'weather', arguments: { city: 'Paris' } }],
          },
          { role: 'tool', content: '{"temp":21}', toolCallId: 'c1' },
        ],
      },
      'qwen',
    );
    expect(body).toEqual({
      model: 'qwen',
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'c1',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: 'tool', content: '{"temp":21}', tool_call_id: 'c1' },
      ],
    });
  });

  test('json_object and text formats pass as they are; unset options are left out', () => {
    const json = openAIBody({ messages: [], responseFormat: { type: 'json_object' } }, 'm');
    expect(json.response_format).toEqual({ type: 'json_object' });
    expect(Object.keys(openAIBody({ messages: [] }, 'm')).sort()).toEqual([
      'messages',
      'model',
      'stream',
      'stream_options',
    ]);
  });
});
