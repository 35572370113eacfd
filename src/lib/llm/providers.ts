/**
 * The chat providers `llm.use(name)` can choose by name. A provider registers a factory
 * here; the factory runs at the first use (an offline model loads its weights only then).
 *
 * @example
 * // in the offline provider's own module:
 * registerProvider('offline', async () => new OfflineChatProvider(await loadWeights()));
 */
import type { ChatProvider } from './types';

export type ProviderFactory = () => ChatProvider | Promise<ChatProvider>;

const factories = new Map<string, ProviderFactory>();

export function registerProvider(name: string, factory: ProviderFactory): void {
  factories.set(name, factory);
}

export function providerFactory(name: string): ProviderFactory | undefined {
  return factories.get(name);
}

export function registeredProviders(): string[] {
  return [...factories.keys()];
}
