import { afterEach, expect } from 'vitest';
import WebSocket from 'ws';
import type { TestApp } from '../../../test/harness';
import type { Person } from './streaming.fixtures';

/** A message as the server sent it; `data` is the payload parsed (a status, a notification) or the id. */
export interface Received {
  stream?: string[];
  event?: string;
  payload?: string;
  error?: string;
  status?: number;
  // biome-ignore lint/suspicious/noExplicitAny: assertions read payloads freely
  data?: any;
}

export interface OpenOptions {
  query?: Record<string, string>;
  token?: string;
  headers?: Record<string, string>;
  protocols?: string[];
}

/**
 * A test client on the real streaming WebSocket (the `ws` package, as Node Mastodon apps
 * use). Messages queue up; `next` takes them in order.
 */
export class StreamClient {
  private readonly queue: Received[] = [];
  private wake: (() => void) | null = null;
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as Received;
      if (message.payload !== undefined) {
        message.data = message.event === 'delete' ? message.payload : JSON.parse(message.payload);
      }
      this.queue.push(message);
      this.wake?.();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake?.();
    });
  }

  static url(base: string, query: Record<string, string> = {}): string {
    const url = new URL('/api/v1/streaming', base.replace(/^http/, 'ws'));
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.toString();
  }

  /** Connects, or rejects with the HTTP status the upgrade was refused with. */
  static open(base: string, options: OpenOptions = {}): Promise<StreamClient> {
    const headers = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const socket = new WebSocket(StreamClient.url(base, options.query), options.protocols ?? [], {
      headers,
    });
    const client = new StreamClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => {
        reject(new RefusedError(response.statusCode ?? 0));
        socket.terminate();
      });
      socket.once('error', (error) => reject(error));
    });
  }

  /** Returns messages to the front of the queue, in their order. */
  putBack(messages: Received[]): void {
    this.queue.unshift(...messages);
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The next message (matching `match`, skipping others into the returned `skipped`). */
  async next(
    match: (message: Received) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Received & { skipped: Received[] }> {
    const skipped: Received[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.queue.length > 0) {
        const message = this.queue.shift() as Received;
        if (match(message)) return { ...message, skipped };
        skipped.push(message);
      }
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no matching message; got ${JSON.stringify(skipped.map(summary))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!this.closed) throw new Error('the socket stayed open');
    return this.closed;
  }

  close(): void {
    this.socket.close();
  }
}

function summary(message: Received) {
  return (
    message.error ??
    `${message.stream?.join(':')} ${message.event} ${message.data?.id ?? message.payload}`
  );
}

export class RefusedError extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with ${status}`);
  }
}

/** The HTTP status an upgrade is refused with (fails the test if it opens). */
export async function refusal(base: string, options: OpenOptions = {}): Promise<number> {
  try {
    const client = await StreamClient.open(base, options);
    client.close();
  } catch (error) {
    if (error instanceof RefusedError) return error.status;
    throw error;
  }
  throw new Error('the stream opened');
}

/**
 * What the streaming tests share: clients closed after each test, subscriptions that wait
 * until the server took them in, and a barrier that collects everything received so far.
 */
export function streamKit(app: () => TestApp) {
  const open: StreamClient[] = [];
  afterEach(() => {
    for (const client of open.splice(0)) client.close();
  });

  /**
   * Waits until the server has set the connection up: it loads the viewer's blocks and
   * mutes before it takes `?stream=` or any message in, so an answer to a message means the
   * first subscription is in place.
   */
  async function ready(client: StreamClient): Promise<StreamClient> {
    client.send({ type: 'subscribe', stream: 'barrier' });
    const answer = await client.next((m) => m.error === 'Unknown stream type');
    client.putBack(answer.skipped);
    return client;
  }

  async function connect(who: Person | string, query: Record<string, string> = {}) {
    const token = typeof who === 'string' ? who : who.token;
    const client = await StreamClient.open(app().url, { token, query });
    open.push(client);
    return ready(client);
  }

  /**
   * Everything the client received up to now: events have been handled (settled), and an
   * unknown-stream request, answered in order after them, marks the end.
   */
  async function quiet(client: StreamClient): Promise<Received[]> {
    await app().ctx.events.settled();
    client.send({ type: 'subscribe', stream: 'barrier' });
    return (await client.next((m) => m.error === 'Unknown stream type')).skipped;
  }

  /** Subscribes and waits until the server has taken it in. */
  async function subscribe(
    client: StreamClient,
    stream: string,
    extra: Record<string, string> = {},
  ) {
    client.send({ type: 'subscribe', stream, ...extra });
    await quiet(client);
  }

  const post = async (author: Person, body: Record<string, unknown>) => {
    const res = await author.api.post('/api/v1/statuses', body);
    expect(res.status, res.text).toBe(200);
    return res.body as { id: string };
  };

  return {
    connect,
    ready,
    quiet,
    subscribe,
    post,
    track: (...clients: StreamClient[]) => open.push(...clients),
  };
}

export const statusIds = (messages: Received[], event = 'update') =>
  messages.filter((m) => m.event === event).map((m) => (event === 'delete' ? m.data : m.data.id));
