/**
 * The bootstrap's side of the kernel's port: kernel messages pass through untouched;
 * host requests (fetch, hub cache) wait for the page's reply with the same id.
 */
import {
  headerPairs,
  isHostMessage,
  type HostReply,
  type HostRequest,
  type HostResponse,
} from './host-protocol';

type RequestBody = HostRequest extends infer R
  ? R extends HostRequest
    ? Omit<R, 'id'>
    : never
  : never;

export class HostClient {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: HostReply) => void>();

  constructor(
    private readonly port: MessagePort,
    onKernelRequest: (data: unknown) => void,
  ) {
    port.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (isHostMessage(data) && data.host === 'reply') this.settle(data as HostReply);
      else onKernelRequest(data);
    });
    port.start();
  }

  /** Sends a kernel message to the page. */
  post(message: unknown, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  /** Asks the page; resolves with its response (null: none), rejects with its reason. */
  async request(body: RequestBody, transfer: Transferable[] = []): Promise<HostResponse | null> {
    return (await this.send(body, transfer)).response;
  }

  /** Asks the page for a value (a stored record). */
  async requestValue(body: RequestBody): Promise<unknown> {
    return (await this.send(body, [])).value;
  }

  private send(body: RequestBody, transfer: Transferable[]): Promise<HostReply & { ok: true }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => {
        if (reply.ok) resolve(reply);
        else reject(new TypeError(reply.message));
      });
      this.port.postMessage({ ...body, id }, transfer);
    });
  }

  private settle(reply: HostReply): void {
    const settle = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    settle?.(reply);
  }
}

export function toResponse(response: HostResponse, method = 'GET'): Response {
  const empty = method === 'HEAD' || [101, 204, 205, 304].includes(response.status);
  return new Response(empty ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

export async function fromResponse(response: Response): Promise<HostResponse> {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: headerPairs(response.headers),
    body: await response.arrayBuffer(),
  };
}
