import type { IncomingMessage, ServerResponse } from 'node:http';
import websocket from '@fastify/websocket';
import { StreamCommand, StreamingQuery } from '@rapport/schema';
import type { RawData, WebSocket } from 'ws';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { HttpError } from '../../errors';
import type { App } from '../../http/app-types';
import { streamingLimit } from '../../http/rate-limit';
import type { StreamConnection } from '../../realtime/connection';
import { StreamHub } from '../../realtime/hub';
import { hasScope } from '../oauth/scopes';
import { isRefusal, resolveStream } from './streams';

const tags = ['streaming'];
/** Clients only send small subscribe/unsubscribe messages. */
const MAX_MESSAGE_BYTES = 4096;
/** Subscriptions per connection (hashtags mostly); bounds the memory one client can hold. */
const MAX_SUBSCRIPTIONS = 100;

/**
 * Mastodon's streaming API on a WebSocket at /api/v1/streaming: authenticated before the
 * upgrade (401 otherwise), a first stream from `?stream=`, then subscribe/unsubscribe
 * messages. The hub lives as long as the app and says goodbye to clients when it closes.
 */
export async function streamingRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(websocket, {
    options: {
      maxPayload: MAX_MESSAGE_BYTES,
      // The hub keeps its own index of connections; ws need not keep a second one.
      clientTracking: false,
      perMessageDeflate: false,
    },
  });
  const hub = new StreamHub(ctx);
  const upgradeResponses = new WeakMap<IncomingMessage, ServerResponse>();
  hub.start();
  // Before the server closes: open sockets would otherwise hold its close open.
  app.addHook('preClose', async () => hub.shutdown());

  app.get(
    '/api/v1/streaming/health',
    { config: { auth: 'public' }, schema: { tags } },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send('OK'),
  );

  app.route({
    method: 'GET',
    url: '/api/v1/streaming',
    config: {
      auth: 'user',
      scopes: ['read:statuses', 'read:notifications'],
      streaming: true,
    },
    ...streamingLimit(app, ctx.config),
    schema: { tags, querystring: StreamingQuery },
    // An upgrade refused before it reached the WebSocket plugin's own hooks (401, 403, 429)
    // would leave its socket open: nothing else reads from it after the answer.
    onResponse: async (request) => {
      if (request.headers.upgrade?.toLowerCase() === 'websocket') request.raw.socket?.destroy();
    },
    preHandler: async (request, reply) => {
      if (request.ws) upgradeResponses.set(request.raw, reply.raw);
    },
    handler: async () => {
      throw new HttpError(400, 'bad_request', 'This endpoint expects a WebSocket upgrade');
    },
    wsHandler: async (socket, request) => {
      const auth = request.auth;
      const viewer = auth?.viewer;
      if (!auth || !viewer) {
        socket.close(1008, 'Unauthorized');
        return;
      }
      forgetRequest(socket, request.raw, upgradeResponses.get(request.raw));
      const scopes = auth.scopes;
      const connection = hub.open(
        socket,
        viewer,
        auth.tokenId,
        hasScope(scopes, 'read:notifications'),
      );
      // Messages that arrive while the connection's relations load wait their turn.
      let waiting: RawData[] | null = [];
      socket.on('message', (data, binary) => {
        connection.alive = true;
        if (binary) return;
        if (waiting) waiting.push(data);
        else command(hub, connection, socket, scopes, data);
      });
      socket.on('pong', () => {
        connection.alive = true;
      });
      socket.on('close', () => hub.remove(connection));
      try {
        await hub.load(connection);
      } catch (error) {
        request.log.error({ err: error }, 'stream relations failed to load');
        socket.close(1011, 'Internal error');
        return;
      }
      const query = request.query as z.infer<typeof StreamingQuery>;
      if (query.stream) subscribe(hub, connection, socket, scopes, query.stream, query);
      for (const data of waiting) command(hub, connection, socket, scopes, data);
      waiting = null;
    },
  });
}

/**
 * An idle stream should cost little memory, and thousands are open at once. Once upgraded,
 * nothing needs the HTTP request any more, but two references would keep it (and its
 * reply, logger and headers) alive as long as the socket: the response object the
 * WebSocket plugin attached to the socket, and the plugin's error listener, which closes
 * over the request. Both are let go; errors end the socket as the plugin's listener did.
 */
function forgetRequest(socket: WebSocket, raw: IncomingMessage, response?: ServerResponse) {
  response?.detachSocket(raw.socket);
  socket.removeAllListeners('error');
  socket.on('error', () => socket.terminate());
}

function refuse(socket: WebSocket, error: string, status: number) {
  socket.send(JSON.stringify({ error, status }));
}

function subscribe(
  hub: StreamHub,
  connection: StreamConnection,
  socket: WebSocket,
  scopes: string[],
  stream: string,
  params: { tag?: string | undefined },
) {
  const target = resolveStream(stream, params, scopes);
  if (isRefusal(target)) return refuse(socket, target.error, target.status);
  if (connection.streams.size >= MAX_SUBSCRIPTIONS && !connection.streams.has(target.key)) {
    return refuse(socket, 'Too many subscriptions on one connection', 400);
  }
  hub.subscribe(connection, target.key, target.prefix);
}

function command(
  hub: StreamHub,
  connection: StreamConnection,
  socket: WebSocket,
  scopes: string[],
  data: RawData,
) {
  let message: unknown;
  try {
    message = JSON.parse(data.toString());
  } catch {
    return refuse(socket, 'Error parsing message: not JSON', 400);
  }
  const type = (message as { type?: unknown } | null)?.type;
  // Mastodon ignores message types it does not know; so does Rapport.
  if (type !== 'subscribe' && type !== 'unsubscribe') return;
  const parsed = StreamCommand.safeParse(message);
  if (!parsed.success) return refuse(socket, 'Error parsing message: bad stream', 400);
  const { stream, tag } = parsed.data;
  if (type === 'subscribe') return subscribe(hub, connection, socket, scopes, stream, { tag });
  const target = resolveStream(stream, { tag }, scopes);
  if (!isRefusal(target)) hub.unsubscribe(connection, target.key);
}
