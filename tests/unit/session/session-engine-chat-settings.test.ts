/** The page's chat endpoint reaches every kernel the session starts, and every change does. */
import { describe, expect, test } from 'vitest';
import type { ChatEndpointSettings, KernelRequest } from '../../../src/protocol/messages';
import { SessionEngine, type ChatSettingsSource } from '../../../src/ui/session/session-engine';
import { fakeWorkers, settle } from './fake-worker';

function settingsSource(initial: ChatEndpointSettings | null) {
  let endpoint = initial;
  const listeners = new Set<(e: ChatEndpointSettings | null) => void>();
  const source: ChatSettingsSource = {
    current: () => endpoint,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    listeners,
    change(next: ChatEndpointSettings | null) {
      endpoint = next;
      for (const listener of listeners) listener(next);
    },
  };
}

const sent = (received: KernelRequest[]) =>
  received
    .filter((r) => r.type === 'llm-settings')
    .map((r) => (r.type === 'llm-settings' ? r.endpoint : null));

const LOCAL = { baseURL: 'http://127.0.0.1:8080/v1', model: 'qwen', apiKey: 'sk-1' };

describe('chat settings and the kernel', () => {
  test('sent once the kernel is ready, then on each change', async () => {
    const { factory, workers } = fakeWorkers();
    const settings = settingsSource(LOCAL);
    const engine = new SessionEngine({
      baseUrl: 'http://x/',
      workerFactory: factory,
      chatSettings: settings.source,
      frameScheduler: (run) => run(),
    });
    await settle();
    expect(sent(workers[0].received)).toEqual([LOCAL]);
    settings.change(null);
    expect(sent(workers[0].received)).toEqual([LOCAL, null]);
    engine.dispose();
    expect(settings.listeners.size).toBe(0);
  });

  test('a restarted kernel gets the settings again; the old one no longer does', async () => {
    const { factory, workers } = fakeWorkers();
    const settings = settingsSource(LOCAL);
    const engine = new SessionEngine({
      baseUrl: 'http://x/',
      workerFactory: factory,
      chatSettings: settings.source,
      frameScheduler: (run) => run(),
    });
    await settle();
    await engine.restart();
    await settle();
    expect(workers).toHaveLength(2);
    expect(sent(workers[1].received)).toEqual([LOCAL]);
    const other = { baseURL: 'http://127.0.0.1:9090/v1', model: 'llama' };
    settings.change(other);
    expect(sent(workers[1].received)).toEqual([LOCAL, other]);
    expect(sent(workers[0].received)).toEqual([LOCAL]);
    expect(settings.listeners.size).toBe(1);
  });
});
