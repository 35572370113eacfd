/**
 * The kernel worker in its own, opaque origin (issue 10: a cell must not reach the page's
 * Cache Storage or IndexedDB). A hidden `<iframe sandbox="allow-scripts" srcdoc>` starts
 * the bootstrap worker (src/kernel-host/bootstrap.ts), which loads the kernel's chunks and
 * talks to the page on a MessagePort: kernel messages as before, plus host requests the
 * page serves (kernel-host-service.ts). Terminating removes the frame, which ends its
 * workers at once, even one stuck in a loop.
 *
 * `allow="cross-origin-isolated"` lets the kernel use WASM threads when the page is
 * isolated (COOP/COEP); the frame is not isolated otherwise.
 */
import { kernelFrameHtml } from '../../kernel-host/frame-script';
import {
  isHostMessage,
  type FrameStart,
  type HostError,
  type HostRequest,
} from '../../kernel-host/host-protocol';
import type { KernelRequest } from '../../protocol/messages';
import type { KernelWorker } from './kernel-client';
import { serveHostRequest } from './kernel-host-service';

export interface SandboxedKernelOptions {
  /** The site root, ending with '/'. */
  siteBase: string;
  /** The kernel's entry chunk and the bootstrap script, as built. */
  entryUrl: string;
  bootstrapUrl: string;
}

type MessageListener = (event: MessageEvent) => void;
type EventListener = (event: Event) => void;

export class SandboxedKernelWorker implements KernelWorker {
  private readonly frame = document.createElement('iframe');
  private readonly port: MessagePort;
  private readonly messageListeners = new Set<MessageListener>();
  private readonly errorListeners = new Set<EventListener>();
  private readonly messageErrorListeners = new Set<EventListener>();
  private terminated = false;

  constructor(private readonly options: SandboxedKernelOptions) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.addEventListener('message', (event) => this.receive(event));
    this.port.addEventListener('messageerror', (event) =>
      this.emit(this.messageErrorListeners, event),
    );
    this.port.start();
    window.addEventListener('message', this.onFrameMessage);

    this.frame.setAttribute('sandbox', 'allow-scripts');
    this.frame.setAttribute('allow', 'cross-origin-isolated');
    this.frame.title = 'Kernel';
    this.frame.hidden = true;
    this.frame.srcdoc = kernelFrameHtml();
    const bootstrap = fetchText(options.bootstrapUrl);
    this.frame.addEventListener(
      'load',
      () => {
        bootstrap.then(
          (source) => this.start(source, channel.port2),
          (error: unknown) => this.fail(`the kernel could not load: ${String(error)}`),
        );
      },
      { once: true },
    );
    document.body.append(this.frame);
  }

  postMessage(message: KernelRequest): void {
    if (!this.terminated) this.port.postMessage(message);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    window.removeEventListener('message', this.onFrameMessage);
    this.port.close();
    this.frame.remove();
  }

  addEventListener(type: 'message', listener: MessageListener): void;
  addEventListener(type: 'error' | 'messageerror', listener: EventListener): void;
  addEventListener(type: string, listener: MessageListener & EventListener): void {
    if (type === 'message') this.messageListeners.add(listener);
    else if (type === 'error') this.errorListeners.add(listener);
    else this.messageErrorListeners.add(listener);
  }

  private start(bootstrap: string, port: MessagePort): void {
    if (this.terminated) return;
    const { siteBase, entryUrl } = this.options;
    // A classic script's top-level `const`s would be globals the cells' code sees (and
    // could not redefine): the bootstrap runs inside a function of its own.
    const wrapped = `(() => {\n${bootstrap}\n})();`;
    const start: FrameStart = { host: 'start', siteBase, entry: entryUrl, bootstrap: wrapped };
    // The frame's origin is opaque: it cannot be named as the target.
    this.frame.contentWindow?.postMessage(start, '*', [port]);
  }

  private readonly onFrameMessage = (event: MessageEvent): void => {
    if (event.source !== this.frame.contentWindow || !isHostMessage(event.data)) return;
    if (event.data.host === 'error') this.fail((event.data as HostError).message);
  };

  private receive(event: MessageEvent): void {
    if (this.terminated) return;
    const data: unknown = event.data;
    if (!isHostMessage(data)) {
      this.emit(this.messageListeners, event);
      return;
    }
    void serveHostRequest(data as HostRequest, this.options.siteBase).then(
      ({ reply, transfer }) => {
        if (!this.terminated) this.port.postMessage(reply, transfer);
      },
    );
  }

  private fail(message: string): void {
    if (!this.terminated) this.emit(this.errorListeners, new ErrorEvent('error', { message }));
  }

  private emit<E extends Event>(listeners: Set<(event: E) => void>, event: E): void {
    for (const listener of listeners) listener(event);
  }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.text();
}
