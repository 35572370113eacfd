/**
 * What a streamed `llm.chat` shows below its cell: which provider and model answer, the text
 * as it grows, the tool calls asked for, then the token counts and speed. Plain text, so a
 * model's markup is shown as written, never rendered.
 */
import { MIME } from '../../protocol/messages';
import { MIMEBUNDLE, type Displayable } from '../displayable';
import type { ChatResult } from './types';

export class ChatOutput implements Displayable {
  text = '';
  private footer = 'generating…';

  constructor(private readonly source: string) {}

  finished(result: ChatResult): void {
    for (const call of result.toolCalls) {
      this.text += `${this.text ? '\n' : ''}→ ${call.name}(${JSON.stringify(call.arguments)})`;
    }
    const { promptTokens, completionTokens } = result.usage;
    const seconds = result.ms / 1000;
    const speed = seconds > 0 ? `, ${(completionTokens / seconds).toFixed(1)} tokens/s` : '';
    const cut = result.finishReason === 'length' ? ' — cut at maxTokens' : '';
    this.footer =
      `${promptTokens} prompt + ${completionTokens} generated tokens in ` +
      `${seconds.toFixed(1)} s${speed}${cut}`;
  }

  stopped(): void {
    this.footer = 'stopped';
  }

  failed(): void {
    this.footer = 'failed';
  }

  [MIMEBUNDLE]() {
    return { [MIME.text]: `${this.source}\n\n${this.text}\n\n(${this.footer})` };
  }
}
