/**
 * `playgrad chat-server`: the test suite's OpenAI-compatible server, started by hand, with
 * the course's tiny LM behind it, to try `llm.chat` and the chat model settings without
 * installing a model server — and to watch each failure the client explains.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../paths';
import { startChatServer, type ServerMode } from './server';
import { TINY_LM_MODEL, loadTinyLMChat } from './tiny-lm-chat';

export const CHAT_SERVER_USAGE = `  playgrad chat-server [--port 8080] [--host 127.0.0.1] [--api-key KEY] [--no-cors]
                       [--rate-limit N] [--retry-after S] [--context TOKENS] [--hang]
                                       an OpenAI-compatible server (the tiny LM) for llm.chat`;

/** Reads the options; returns the error text for a bad one. */
export function chatServerOptions(args: string[]): {
  port: number;
  host: string;
  mode: Partial<ServerMode>;
} {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string' },
      'no-cors': { type: 'boolean', default: false },
      'rate-limit': { type: 'string' },
      'retry-after': { type: 'string' },
      context: { type: 'string' },
      hang: { type: 'boolean', default: false },
    },
  });
  const whole = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`--${name} needs a whole number, got "${text}"`);
    return value;
  };
  const rateLimit = whole('rate-limit', values['rate-limit']);
  return {
    port: whole('port', values.port) ?? 8080,
    host: values.host,
    mode: {
      apiKey: values['api-key'],
      cors: !values['no-cors'],
      hang: values.hang,
      contextTokens: whole('context', values.context),
      ...(rateLimit !== undefined && {
        rateLimit: {
          times: rateLimit,
          retryAfterSeconds: whole('retry-after', values['retry-after']),
        },
      }),
    },
  };
}

export async function chatServerCommand(args: string[]): Promise<number> {
  const { port, host, mode } = chatServerOptions(args);
  const provider = await loadTinyLMChat(path.join(projectRoot, 'public/models/tiny-lm'));
  const server = await startChatServer({ provider, port, host, mode });
  console.log(`OpenAI-compatible chat server at ${server.baseURL}  (Ctrl+C to stop)`);
  console.log(`In a lesson: llm.use({ baseURL: '${server.baseURL}', model: '${TINY_LM_MODEL}' })`);
  console.log(
    'or ⋯ More → Chat model in the lesson bar. It is the tiny Moby-Dick LM, not a chat model.',
  );
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.close();
  provider.dispose();
  return 0;
}
