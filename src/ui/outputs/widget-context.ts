/**
 * How a widget drawn deep inside a cell's outputs reaches the session: the lesson page
 * provides a `WidgetHost` through Svelte's context, and the widget components read it.
 * Without a host (an output shown outside a lesson) widgets still work as controls but
 * re-run nothing.
 */
import { getContext, setContext } from 'svelte';
import type { WidgetHost } from '../session/widget-host';

const KEY = Symbol('playgrad.widget-host');

/** Call during the page component's initialisation. */
export function provideWidgetHost(host: WidgetHost): void {
  setContext(KEY, host);
}

export function useWidgetHost(): WidgetHost | undefined {
  return getContext<WidgetHost | undefined>(KEY);
}
