/**
 * `llm` as cells import it from 'playgrad': `llm.chat`, `llm.use`, `llm.current`, and
 * `registerProvider` for providers that plug in (the offline model).
 */
import './offline-registration';
export { chat, current, use, type CurrentChatModel } from './llm';
export { registerProvider, registeredProviders, type ProviderFactory } from './providers';
export { EndpointError, type EndpointErrorKind } from './endpoint-errors';
export { ToolArgumentsError } from './tool-calls';
export type * from './types';
