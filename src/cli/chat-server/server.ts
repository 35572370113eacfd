/**
 * An OpenAI-compatible chat server in Node, backed by any `ChatProvider`: POST
 * /v1/chat/completions (streamed or not, with tool calls and usage) and GET /v1/models. The
 * tests start it on loopback to drive `llm.chat` through a real HTTP server, and a person can
 * start it with `playgrad chat-server`. It can fail on purpose, as real servers do (`mode`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ChatProvider, ChatResult } from '../../lib/llm/types';
import { chunkMaker, toChatRequest, type WireRequest } from './wire';

export interface ServerMode {
  /** Requests must carry `Authorization: Bearer <apiKey>`, else 401. */
  apiKey?: string;
  /** Send CORS headers that let any origin (the kernel's is 'null') call (default true). */
  cors: boolean;
  /** Answer the next `times` chat requests with 429 and this Retry-After (seconds). */
  rateLimit?: { times: number; retryAfterSeconds?: number };
  /** Accept chat requests and never answer (for timeouts). */
  hang: boolean;
  /** Refuse prompts longer than this many tokens, as a server with a small context does. */
  contextTokens?: number;
  /** Send tool-call arguments cut short (not valid JSON), as a broken model might. */
  corruptToolArguments: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: WireRequest;
  /** The client closed the connection before the answer was complete (Stop). */
  cancelled?: boolean;
}

export interface ChatServer {
  /** The API root to give clients, e.g. http://127.0.0.1:40123/v1 */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  mode: ServerMode;
  close(): Promise<void>;
}

export interface ChatServerOptions {
  provider: ChatProvider;
  /** Model names served besides the provider's default. */
  models?: string[];
  port?: number;
  host?: string;
  mode?: Partial<ServerMode>;
}

export async function startChatServer(options: ChatServerOptions): Promise<ChatServer> {
  const { provider } = options;
  const models = [provider.defaultModel, ...(options.models ?? [])];
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  const state = {
    mode: { cors: true, hang: false, corruptToolArguments: false, ...options.mode } as ServerMode,
    completions: 0,
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, String(error), 'server_error');
      else res.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const mode = state.mode;
    if (mode.cors) {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-allow-headers', 'authorization, content-type');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      // Retry-After is not a CORS-safelisted header: without this the browser hides it.
      res.setHeader('access-control-expose-headers', 'retry-after');
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const record: RecordedRequest = {
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
    };
    requests.push(record);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (mode.apiKey !== undefined && req.headers.authorization !== `Bearer ${mode.apiKey}`) {
      sendError(res, 401, 'Incorrect API key provided.', 'invalid_api_key');
      return;
    }
    if (req.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', owned_by: 'playgrad' })),
      });
      return;
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      sendError(res, 404, `No route ${req.method} ${path}`, 'not_found');
      return;
    }
    const body = JSON.parse(await readBody(req)) as WireRequest;
    record.body = body;
    if (mode.rateLimit && mode.rateLimit.times > 0) {
      mode.rateLimit.times -= 1;
      if (mode.rateLimit.retryAfterSeconds !== undefined) {
        res.setHeader('retry-after', String(mode.rateLimit.retryAfterSeconds));
      }
      sendError(res, 429, 'Rate limit reached for requests.', 'rate_limit_exceeded');
      return;
    }
    if (mode.hang) return; // the socket stays open until the client gives up
    const model = body.model ?? provider.defaultModel;
    if (!models.includes(model)) {
      sendError(res, 404, `The model '${model}' does not exist`, 'model_not_found');
      return;
    }
    const request = toChatRequest(body);
    const promptTokens = request.messages.reduce((n, m) => n + Array.from(m.content).length, 0);
    if (mode.contextTokens !== undefined && promptTokens > mode.contextTokens) {
      sendError(
        res,
        400,
        `This model's maximum context length is ${mode.contextTokens} tokens. However, your ` +
          `messages resulted in ${promptTokens} tokens. Please reduce the length of the messages.`,
        'context_length_exceeded',
      );
      return;
    }
    await complete(body, request, model, res, record);
  }

  async function complete(
    body: WireRequest,
    request: ReturnType<typeof toChatRequest>,
    model: string,
    res: ServerResponse,
    record: RecordedRequest,
  ): Promise<void> {
    state.completions += 1;
    const chunks = chunkMaker(`chatcmpl-${state.completions}`, model);
    const stop = new AbortController();
    res.on('close', () => {
      if (res.writableFinished) return;
      record.cancelled = true;
      stop.abort();
    });
    const stream = body.stream === true;
    if (stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.flushHeaders();
    }
    const send = (data: object | string) =>
      res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    const result: ChatResult = await provider.chat(request, {
      signal: stop.signal,
      onText: (piece) => {
        if (stream && !stop.signal.aborted) send(chunks.text(piece));
      },
    });
    if (stop.signal.aborted) return;
    if (!stream) {
      sendJson(res, 200, chunks.whole(result));
      return;
    }
    const cut = state.mode.corruptToolArguments ? (json: string) => json.slice(0, -2) : undefined;
    for (const chunk of chunks.end(result, cut)) send(chunk);
    if (body.stream_options?.include_usage) send(chunks.usage(result));
    send('[DONE]');
    res.end();
  }

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    baseURL: `http://${options.host ?? '127.0.0.1'}:${port}/v1`,
    requests,
    get mode() {
      return state.mode;
    },
    set mode(mode: ServerMode) {
      state.mode = mode;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

/** Errors in OpenAI's shape: `{ error: { message, type, code } }`. */
function sendError(res: ServerResponse, status: number, message: string, code: string): void {
  sendJson(res, status, { error: { message, type: 'invalid_request_error', code } });
}
