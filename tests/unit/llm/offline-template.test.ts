/**
 * The offline model's chat template: the text the TypeScript side writes must be the text
 * the trainer wrote (scripts/models/tool_lm_data.py); offline-provider.test.ts checks one
 * whole prompt against the trainer's, these the parts a learner's request can vary.
 */
import { describe, expect, it } from 'vitest';
import { renderPrompt, toolCallJson, toolLine } from '../../../src/lib/llm/offline-template';
import type { ToolSpec } from '../../../src/lib/llm/types';

const calc: ToolSpec = {
  name: 'calc',
  description: 'Evaluate an arithmetic expression.',
  parameters: { type: 'object', properties: { expr: { type: 'string' } }, required: ['expr'] },
};

describe('renderPrompt', () => {
  it('writes a whole tool round trip as the trainer does', () => {
    const prompt = renderPrompt(
      [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'What is 2 + 3?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_1', name: 'calc', arguments: { expr: '2 + 3' } }],
        },
        { role: 'tool', content: '5', toolCallId: 'call_1' },
      ],
      [calc],
    );
    expect(prompt).toBe(
      '<|system|>Answer briefly.\nTools:\n- calc(expr: string): Evaluate an arithmetic expression.\n<|end|>\n' +
        '<|user|>What is 2 + 3?<|end|>\n' +
        '<|assistant|><tool_call>{"name": "calc", "arguments": {"expr": "2 + 3"}}</tool_call><|end|>\n' +
        '<|tool|>5<|end|>\n' +
        '<|assistant|>',
    );
  });

  it('has no system turn without a system message or tools', () => {
    expect(renderPrompt([{ role: 'user', content: 'Hi' }])).toBe(
      '<|user|>Hi<|end|>\n<|assistant|>',
    );
  });

  it('lists tools without a system message', () => {
    expect(renderPrompt([{ role: 'user', content: 'Hi' }], [calc])).toMatch(
      /^<\|system\|>Tools:\n- calc\(expr: string\)/,
    );
  });
});

describe('toolLine', () => {
  it('names every parameter with its type, and keeps the description on one line', () => {
    const line = toolLine({
      name: 'lookup',
      description: 'Look up\n  a country.',
      parameters: {
        type: 'object',
        properties: { country: { type: 'string' }, year: { type: ['integer', 'null'] }, x: {} },
      },
    });
    expect(line).toBe('lookup(country: string, year: integer | null, x: any): Look up a country.');
  });
});

describe('toolCallJson', () => {
  it("uses Python's json.dumps layout, nested values included", () => {
    expect(toolCallJson({ name: 'f', arguments: { a: 'x "y"', b: [1, { c: null }] } })).toBe(
      '{"name": "f", "arguments": {"a": "x \\"y\\"", "b": [1, {"c": null}]}}',
    );
  });
});
