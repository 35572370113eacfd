/**
 * Plugs the course's own chat model (public/models/tool-lm, see offline-provider.ts) into
 * `llm.use('offline')`, the choice when none is made, so chat lessons run with the network
 * off. Its weights load at the first chat, from the site the kernel was started from.
 */
import { kernelContext } from '../context';
import { OFFLINE } from './choice';
import { createOfflineProvider, siteModelLoader } from './offline-provider';
import { registerProvider } from './providers';

registerProvider(OFFLINE, () => createOfflineProvider(siteModelLoader(kernelContext().baseUrl)));
