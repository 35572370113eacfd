/**
 * `llm`: talk to a chat model from any cell — the course's offline model, or any
 * OpenAI-compatible endpoint chosen in the lesson bar (⋯ More → Chat model) or in code.
 *
 * @example
 * import { llm } from 'playgrad'
 * llm.use({ baseURL: 'http://localhost:11434/v1', model: 'qwen2.5:0.5b' })
 * const answer = await llm.chat({
 *   messages: [
 *     { role: 'system', content: 'Answer in one sentence.' },
 *     { role: 'user', content: 'What is a token?' },
 *   ],
 *   stream: true,   // the text appears below the cell as it is generated
 * })
 * answer.usage      // { promptTokens, completionTokens }
 *
 * Stop ends the generation and keeps the kernel: the cell ends "Interrupted", as with any
 * other helper, so a loop of calls (an agent) stops too instead of going on with a cut answer.
 */
import { InterruptedError, throwIfInterrupted } from '../context';
import { display } from '../display';
import { ChatOutput } from './chat-output';
import {
  OFFLINE,
  chooseEndpoint,
  chooseNamed,
  currentChoice,
  currentKey,
  currentProvider,
  type CurrentChatModel,
} from './choice';
import { interruptSignal } from './interrupt-signal';
import type { EndpointConfig } from './openai-compatible';
import { checkEndpoint, checkRequest } from './validate';
import type { ChatRequest, ChatResult } from './types';

export type { CurrentChatModel } from './choice';

/**
 * Sends a conversation to the current chat model; resolves with its answer, the tool calls it
 * asked for (arguments parsed), the token counts and the time taken.
 */
export async function chat(request: ChatRequest): Promise<ChatResult> {
  checkRequest(request);
  throwIfInterrupted();
  const provider = await currentProvider();
  const model = request.model ?? provider.defaultModel;
  const output = request.stream ? new ChatOutput(`${provider.kind} · ${model}`) : undefined;
  const shown = output ? display(output) : undefined;
  const stop = interruptSignal();
  let result: ChatResult;
  try {
    result = await provider.chat(request, {
      signal: stop.signal,
      onText: (piece) => {
        if (!output || !shown) return;
        output.text += piece;
        shown.update(output);
      },
    });
  } catch (error) {
    if (stop.signal.aborted) result = interruptedResult(provider.kind, model);
    else {
      output?.failed();
      if (output) shown?.update(output);
      throw withoutKey(error);
    }
  } finally {
    stop.release();
  }
  if (result.finishReason === 'interrupted') {
    output?.stopped();
    if (output) shown?.update(output);
    throw new InterruptedError();
  }
  if (output && shown) {
    output.finished(result);
    shown.update(output);
  }
  return result;
}

/**
 * Chooses the chat model: an OpenAI-compatible endpoint, or a provider by name ('offline').
 * Returns what `current()` returns.
 */
export function use(choice: typeof OFFLINE | (string & {}) | EndpointConfig): CurrentChatModel {
  if (typeof choice === 'string') chooseNamed(choice);
  else chooseEndpoint(checkEndpoint(choice), 'code');
  return currentChoice();
}

/** The chat model in use: provider, model, address, whether a key is set (never the key). */
export function current(): CurrentChatModel {
  return currentChoice();
}

function interruptedResult(provider: string, model: string): ChatResult {
  return {
    message: { role: 'assistant', content: '' },
    toolCalls: [],
    usage: { promptTokens: 0, completionTokens: 0 },
    ms: 0,
    finishReason: 'interrupted',
    provider,
    model,
  };
}

/** A provider's error, with the API key blanked should any message ever echo it. */
function withoutKey(error: unknown): unknown {
  const key = currentKey();
  if (!key || !(error instanceof Error) || !error.message.includes(key)) return error;
  error.message = error.message.split(key).join('••••');
  return error;
}
