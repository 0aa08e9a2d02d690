import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { percentile } from './results';

/**
 * Streaming: the time from sending `POST /api/v1/statuses` to each of N clients subscribed
 * to `public:local` receiving the `update`, next to a bare `ws` server (bare-broadcast.ts,
 * its own process) sending the same bytes to N clients, measured the same way; and the
 * server's memory per idle streaming connection (VmRSS before and after opening N).
 */

export interface Delivery {
  p50: number;
  p95: number;
  p99: number;
  /** Deliveries that did not arrive within the wait. */
  missed: number;
  samples: number;
}

export interface StreamingResult {
  clients: number;
  posts: number;
  /** Why Rapport's stream could not be measured, if it could not. */
  unavailable?: string;
  rapport?: Delivery;
  bare: Delivery;
  /** Resident memory (bytes) before and after opening the idle connections. */
  rapportMemory?: Memory;
  bareMemory: Memory;
}

export interface Memory {
  before: number;
  after: number;
  perConnection: number;
}

export interface StreamingOptions {
  /** http://host:port of the Rapport server. */
  base: string;
  serverPid: number;
  /** One token per client. */
  tokens: string[];
  posterToken: string;
  posts: number;
}

const WAIT_MS = 5000;

/** Resident memory of a process, from /proc (Linux). */
function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

export function connect(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const fail = (reason: string) => {
      socket.terminate();
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail('no answer in 10 s'), 10_000);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      fail(`HTTP ${response.statusCode} instead of a WebSocket upgrade`);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      fail(error.message);
    });
  });
}

/** Opens one connection per url, 50 at a time. */
export async function connectAll(urls: string[]): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < urls.length; i += 50) {
    sockets.push(...(await Promise.all(urls.slice(i, i + 50).map(connect))));
  }
  return sockets;
}

interface Waiting {
  marker: Buffer;
  post: number;
  /** performance.now() when the post was sent. */
  sent: number;
  /** Clients yet to receive it. */
  waiting: number;
  done: () => void;
}

/**
 * Sends `posts` messages one after another (each carrying its own marker) and records,
 * for every client, the time from the send to the first message holding that marker.
 */
async function measureDelivery(
  sockets: WebSocket[],
  posts: number,
  send: (marker: string) => Promise<void>,
): Promise<{ delivery: Delivery; sample: Buffer | undefined }> {
  const latencies: number[] = [];
  let missed = 0;
  let sample: Buffer | undefined;
  let current: Waiting = {
    marker: Buffer.from('-'),
    post: -1,
    sent: 0,
    waiting: 0,
    done: () => {},
  };
  const lastSeen = new Int32Array(sockets.length).fill(-1);
  sockets.forEach((socket, i) => {
    socket.on('message', (data: Buffer) => {
      const at = performance.now();
      if (lastSeen[i] === current.post || !data.includes(current.marker)) return;
      lastSeen[i] = current.post;
      latencies.push(at - current.sent);
      sample ??= Buffer.from(data);
      if (--current.waiting === 0) current.done();
    });
  });
  for (let post = 0; post < posts; post++) {
    // Same length for every post, so every message has the same size.
    const marker = `benchmarker${String(post).padStart(4, '0')}x${process.pid}`;
    const arrived = new Promise<void>((resolve) => {
      current = {
        marker: Buffer.from(marker),
        post,
        sent: performance.now(),
        waiting: sockets.length,
        done: resolve,
      };
    });
    await send(marker);
    await Promise.race([arrived, sleep(WAIT_MS)]);
    missed += current.waiting;
    await sleep(50);
  }
  for (const socket of sockets) socket.removeAllListeners('message');
  latencies.sort((a, b) => a - b);
  return {
    delivery: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      missed,
      samples: latencies.length,
    },
    sample,
  };
}

export async function closeAll(sockets: WebSocket[]) {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.terminate();
        }),
    ),
  );
}

/** Opens `count` idle connections and returns them with the resident memory they added. */
async function openIdle(pid: number, urls: string[]) {
  // Let the process settle on both sides of the count; RSS still moves with the garbage
  // collector, so the figure is good to a few KB per connection.
  await sleep(2000);
  const before = residentBytes(pid);
  const sockets = await connectAll(urls);
  await sleep(2000);
  const after = residentBytes(pid);
  return { sockets, memory: { before, after, perConnection: (after - before) / urls.length } };
}

async function postStatus(options: StreamingOptions, text: string): Promise<void> {
  const response = await fetch(`${options.base}/api/v1/statuses`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.posterToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ status: text, visibility: 'public' }),
  });
  if (!response.ok) throw new Error(`POST /api/v1/statuses: HTTP ${response.status}`);
  await response.arrayBuffer();
}

/** Why the stream cannot be measured, or undefined when one client hears a new status. */
async function probe(options: StreamingOptions): Promise<string | undefined> {
  const url = streamUrl(options.base, options.tokens[0] as string);
  let socket: WebSocket;
  try {
    socket = await connect(url);
  } catch (error) {
    return (error as Error).message;
  }
  try {
    const { delivery } = await measureDelivery([socket], 1, (marker) =>
      postStatus(options, `Streaming probe ${marker}`),
    );
    return delivery.samples === 1 ? undefined : `no update within ${WAIT_MS / 1000} s of a post`;
  } finally {
    await closeAll([socket]);
  }
}

function streamUrl(base: string, token: string): string {
  const url = new URL('/api/v1/streaming', base.replace(/^http/, 'ws'));
  url.searchParams.set('stream', 'public:local');
  url.searchParams.set('access_token', token);
  return url.toString();
}

/** Starts bare-broadcast.ts and returns it with its port. */
async function startBare(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'bare-broadcast.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) resolve(Number(line));
    });
    child.once('exit', () => reject(new Error('the bare ws server exited')));
  });
  return { child, port };
}

export async function measureStreaming(options: StreamingOptions): Promise<StreamingResult> {
  const clients = options.tokens.length;
  const result: Partial<StreamingResult> = { clients, posts: options.posts };
  let payload: Buffer | undefined;

  result.unavailable = await probe(options);
  if (result.unavailable === undefined) {
    const idle = await openIdle(
      options.serverPid,
      options.tokens.map((token) => streamUrl(options.base, token)),
    );
    result.rapportMemory = idle.memory;
    try {
      const measured = await measureDelivery(idle.sockets, options.posts, (marker) =>
        postStatus(options, `Streaming check ${marker}`),
      );
      result.rapport = measured.delivery;
      payload = measured.sample;
    } finally {
      await closeAll(idle.sockets);
    }
  }

  // The bare server sends what Rapport sent; without Rapport's stream, a message of the
  // same shape around a status as the API presents it.
  const template = payload?.toString('utf8') ?? (await sampleMessage(options));
  const templateMarker = /benchmarker\d{4}x\d+/.exec(template)?.[0] ?? '';
  const bare = await startBare();
  try {
    const idle = await openIdle(
      bare.child.pid as number,
      options.tokens.map(() => `ws://127.0.0.1:${bare.port}/`),
    );
    result.bareMemory = idle.memory;
    try {
      const measured = await measureDelivery(idle.sockets, options.posts, async (marker) => {
        const response = await fetch(`http://127.0.0.1:${bare.port}/`, {
          method: 'POST',
          body: templateMarker ? template.replace(templateMarker, marker) : `${template}${marker}`,
        });
        await response.arrayBuffer();
      });
      result.bare = measured.delivery;
    } finally {
      await closeAll(idle.sockets);
    }
  } finally {
    bare.child.kill('SIGTERM');
  }
  return result as StreamingResult;
}

/** A Mastodon `update` message around the newest public status, as the API presents it. */
async function sampleMessage(options: StreamingOptions): Promise<string> {
  const response = await fetch(`${options.base}/api/v1/timelines/public?limit=1`, {
    headers: { authorization: `Bearer ${options.posterToken}` },
  });
  const [status] = (await response.json()) as unknown[];
  return JSON.stringify({
    stream: ['public:local'],
    event: 'update',
    payload: JSON.stringify(status),
  });
}
