import { describe, expect, test } from 'vitest';
import { chatServerOptions } from '../../../src/cli/chat-server/command';

describe('playgrad chat-server options', () => {
  test('defaults: loopback, port 8080, CORS on, no failure', () => {
    expect(chatServerOptions([])).toEqual({
      port: 8080,
      host: '127.0.0.1',
      mode: { apiKey: undefined, cors: true, hang: false, contextTokens: undefined },
    });
  });

  test('each failure mode', () => {
    const { mode } = chatServerOptions([
      '--api-key',
      'k',
      '--no-cors',
      '--rate-limit',
      '3',
      '--retry-after',
      '2',
      '--context',
      '512',
      '--hang',
    ]);
    expect(mode).toEqual({
      apiKey: 'k',
      cors: false,
      hang: true,
      contextTokens: 512,
      rateLimit: { times: 3, retryAfterSeconds: 2 },
    });
  });

  test('a bad number is named', () => {
    expect(() => chatServerOptions(['--rate-limit', 'many'])).toThrow(
      /--rate-limit needs a whole number, got "many"/,
    );
  });
});
