/**
 * Which chat provider `llm.chat` uses. The last choice wins: `llm.use(…)` in a cell, or the
 * learner saving the page's chat model settings (sent to the kernel as `llm-settings`).
 * With neither, the course's offline model, so lessons run with the network off.
 */
import type { ChatEndpointSettings } from '../../protocol/messages';
import { OpenAICompatibleProvider, type EndpointConfig } from './openai-compatible';
import { providerFactory } from './providers';
import type { ChatProvider } from './types';

export const OFFLINE = 'offline';

type Choice =
  | { kind: 'endpoint'; config: EndpointConfig; from: 'code' | 'settings' }
  | { kind: 'named'; name: string };

/** What `llm.current()` tells: never the key itself. */
export interface CurrentChatModel {
  provider: string;
  model?: string;
  baseURL?: string;
  /** Whether an API key is set (the key itself stays hidden). */
  hasKey?: boolean;
  /** Where the choice was made. */
  chosenIn: 'code' | 'settings' | 'default';
}

let choice: Choice | undefined;
const named = new Map<string, Promise<ChatProvider>>();

export function chooseEndpoint(config: EndpointConfig, from: 'code' | 'settings'): void {
  choice = { kind: 'endpoint', config, from };
}

export function chooseNamed(name: string): void {
  if (!providerFactory(name)) throw noProvider(name);
  choice = { kind: 'named', name };
}

/** The page's settings arrived: an endpoint, or none (back to the default). */
export function applySettings(endpoint: ChatEndpointSettings | null): void {
  if (endpoint) chooseEndpoint({ ...endpoint }, 'settings');
  else if (choice?.kind === 'endpoint' && choice.from === 'settings') choice = undefined;
}

export function currentChoice(): CurrentChatModel {
  if (choice?.kind === 'endpoint') {
    const { baseURL, model, apiKey } = choice.config;
    return { provider: 'endpoint', baseURL, model, hasKey: Boolean(apiKey), chosenIn: choice.from };
  }
  return { provider: choice?.name ?? OFFLINE, chosenIn: choice ? 'code' : 'default' };
}

/** The key in use, so that messages can be scrubbed of it. */
export function currentKey(): string | undefined {
  return choice?.kind === 'endpoint' ? choice.config.apiKey : undefined;
}

export async function currentProvider(): Promise<ChatProvider> {
  if (choice?.kind === 'endpoint') return new OpenAICompatibleProvider(choice.config);
  const name = choice?.name ?? OFFLINE;
  let provider = named.get(name);
  if (!provider) {
    const factory = providerFactory(name);
    if (!factory) throw noProvider(name);
    provider = Promise.resolve(factory());
    named.set(name, provider);
    // A failed load must not stick: the next chat tries again.
    provider.catch(() => named.delete(name));
  }
  return provider;
}

function noProvider(name: string): Error {
  if (name === OFFLINE) {
    return new Error(
      'No offline chat model is installed in this Playgrad. Choose an OpenAI-compatible ' +
        'server (⋯ More → Chat model in the lesson bar), or call ' +
        "llm.use({ baseURL: 'http://localhost:11434/v1', model: 'qwen2.5:0.5b' }).",
    );
  }
  return new Error(`There is no chat provider named '${name}'.`);
}
