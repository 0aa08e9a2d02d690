import type { DomainEvent, StatusAudience } from '@rapport/schema';
import type { AppContext } from '../context';
import { type AccountRow, findAccountById } from '../features/accounts/accounts.queries';
import {
  activeTokenIds,
  blockedBetween,
  loadRelations,
} from '../features/streaming/streaming.queries';
import { canSee } from '../features/visibility/visibility';
import type { Viewer } from '../http/auth';
import { CHAT_EVENTS, ChatDelivery, isChatEvent } from './chat-delivery';
import { StreamConnection, type StreamSocket } from './connection';
import { addTo, connectionsOfAccounts, removeFrom } from './connection-index';
import { deliverConversation } from './conversation-delivery';
import { deliverNotification } from './notification-delivery';
import { type RenderedStatus, renderStatus } from './render';

export interface HubOptions {
  /** How often every socket is pinged; one that did not answer the previous ping is dropped. */
  keepaliveMs?: number;
  /** How long closing waits for clients to answer the close handshake. */
  closeGraceMs?: number;
}

/** Streams an original public status goes to, besides the user streams of its audience. */
const PUBLIC_STREAMS = ['public', 'public:local'];
const MEDIA_STREAMS = ['public:media', 'public:local:media'];

type StatusEventName = 'update' | 'status.update' | 'delete';
type Connection = StreamConnection;

/**
 * The streaming hub, in-process: it hears domain events after commit and delivers each to
 * the connections of this process it concerns. Connections are indexed by account (user
 * streams, relation changes) and by subscribed stream (public, hashtags), so an event
 * touches only the connections it may go to. Each event is rendered once, each message
 * built once per stream label, and every connection checks the one visibility rule
 * (`canSee`) before anything is sent to it.
 *
 * A Redis-backed hub (several processes) keeps this shape: `publish` goes through Redis,
 * and each process `deliver`s to its own connections.
 */
export class StreamHub {
  private readonly byAccount = new Map<number, Set<Connection>>();
  private readonly byStream = new Map<string, Set<Connection>>();
  private keepalive: NodeJS.Timeout | null = null;
  private closing: { resolve: () => void } | null = null;
  private closed = false;
  private count = 0;
  private readonly chats: ChatDelivery;

  constructor(
    private readonly ctx: AppContext,
    private readonly options: HubOptions = {},
  ) {
    this.chats = new ChatDelivery(ctx, (ids) => this.userConnections(ids));
  }

  /** Starts hearing domain events and pinging connections. */
  start(): void {
    const events = this.ctx.events;
    const publish = (event: DomainEvent) => this.publish(event);
    events.on('status.created', publish);
    events.on('status.updated', publish);
    events.on('status.deleted', publish);
    events.on('notification.created', publish);
    events.on('conversation.updated', publish);
    events.on('block.created', publish);
    events.on('block.removed', publish);
    events.on('mute.created', publish);
    events.on('mute.removed', publish);
    events.on('account.suspended', publish);
    events.on('account.role_changed', publish);
    events.on('community.membership_changed', publish);
    for (const type of CHAT_EVENTS) events.on(type, publish);
    this.keepalive = setInterval(() => {
      this.keepaliveRound().catch((error: unknown) =>
        this.ctx.log.error({ err: error }, 'stream keepalive failed'),
      );
    }, this.options.keepaliveMs ?? 30_000);
    this.keepalive.unref();
  }

  /** Hands an event to every connection it concerns (in-process: this process's). */
  publish(event: DomainEvent): Promise<void> {
    return this.deliver(event);
  }

  /** Delivers an event to the connections of this process. */
  async deliver(event: DomainEvent): Promise<void> {
    if (this.closed) return;
    switch (event.type) {
      case 'status.created':
        return this.deliverStatus('update', event.audience);
      case 'status.updated':
        return this.deliverStatus('status.update', event.audience);
      case 'status.deleted':
        return this.deliverStatus('delete', event.audience);
      case 'notification.created':
        return deliverNotification(
          this.ctx,
          this.byAccount.get(Number(event.account_id)),
          Number(event.notification_id),
        );
      case 'conversation.updated': {
        const accountId = Number(event.account_id);
        const connections = this.byAccount.get(accountId);
        return deliverConversation(this.ctx, connections, accountId, Number(event.conversation_id));
      }
      case 'block.created':
      case 'block.removed':
        return this.relateBlock(
          Number(event.account_id),
          Number(event.target_id),
          event.type === 'block.created',
        );
      case 'mute.created':
      case 'mute.removed':
        for (const connection of this.byAccount.get(Number(event.account_id)) ?? []) {
          connection.relate('mutes', Number(event.target_id), event.type === 'mute.created');
        }
        return;
      case 'account.suspended':
        for (const connection of this.byAccount.get(Number(event.account_id)) ?? []) {
          connection.socket.close(1008, 'Account suspended');
        }
        return;
      case 'account.role_changed':
        for (const connection of this.byAccount.get(Number(event.account_id)) ?? []) {
          connection.viewer.role = event.role;
        }
        return;
      case 'community.membership_changed':
        for (const connection of this.byAccount.get(Number(event.account_id)) ?? []) {
          connection.relateMembership(Number(event.community_id), event.state);
        }
        return;
      default:
        if (isChatEvent(event)) return this.chats.deliver(event);
        return;
    }
  }

  /** Registers a connection; it receives nothing until `load` has read its relations. */
  open(socket: StreamSocket, viewer: Viewer, tokenId: number, notifications: boolean): Connection {
    const connection = new StreamConnection(socket, { ...viewer }, tokenId, notifications);
    addTo(this.byAccount, viewer.id, connection);
    this.count += 1;
    if (this.closed) socket.close(1001, 'Server shutting down');
    return connection;
  }

  /**
   * Reads who the connection's account blocks, is blocked by and mutes. The connection is
   * indexed first, so a relation event arriving during the read marks it stale and the read
   * runs again: a block is never lost to the race.
   */
  async load(connection: Connection): Promise<void> {
    do {
      connection.stale = false;
      const relations = await loadRelations(this.ctx.db, connection.viewer.id, Date.now());
      connection.blocks = relations.blocks.length > 0 ? new Set(relations.blocks) : null;
      connection.mutes = relations.mutes.length > 0 ? new Set(relations.mutes) : null;
      connection.memberships =
        relations.memberships.length > 0
          ? new Map(relations.memberships.map((row) => [row.community_id, row.state]))
          : null;
    } while (connection.stale);
    connection.loading = false;
  }

  remove(connection: Connection): void {
    if (!removeFrom(this.byAccount, connection.viewer.id, connection)) return;
    for (const key of connection.streams.keys()) removeFrom(this.byStream, key, connection);
    connection.streams.clear();
    this.count -= 1;
    if (this.count === 0) this.closing?.resolve();
  }

  /** `prefix` starts every message for this stream: `{"stream":[...],"event":`. */
  subscribe(connection: Connection, key: string, prefix: string): void {
    // A socket that closed while its relations loaded is gone: indexing it would leak it.
    if (connection.streams.has(key) || !this.byAccount.get(connection.viewer.id)?.has(connection)) {
      return;
    }
    connection.streams.set(key, prefix);
    // User streams are found through the account index.
    if (!key.startsWith('user')) addTo(this.byStream, key, connection);
  }

  unsubscribe(connection: Connection, key: string): void {
    if (!connection.streams.delete(key)) return;
    removeFrom(this.byStream, key, connection);
  }

  get size(): number {
    return this.count;
  }

  /** Says goodbye to every client (1001: they reconnect elsewhere or later) and stops. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.keepalive) clearInterval(this.keepalive);
    if (this.count === 0) return;
    const drained = new Promise<void>((resolve) => {
      this.closing = { resolve };
    });
    for (const connection of this.connections()) {
      connection.socket.close(1001, 'Server shutting down');
    }
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.closeGraceMs ?? 2_000);
    });
    await Promise.race([drained, grace]);
    clearTimeout(timer);
    for (const connection of this.connections()) connection.socket.terminate();
  }

  private *connections(): Generator<Connection> {
    for (const set of this.byAccount.values()) yield* set;
  }

  /**
   * Drops sockets that did not answer the previous ping, pings the others, and closes
   * streams whose token has since been revoked or expired (sign-out, password change,
   * suspension), in one query for every connection.
   */
  async keepaliveRound(): Promise<void> {
    const tokens = new Set<number>();
    for (const connection of this.connections()) {
      const socket = connection.socket;
      if (!connection.alive) {
        socket.terminate();
        continue;
      }
      connection.alive = false;
      if (socket.readyState === 1) socket.ping();
      tokens.add(connection.tokenId);
    }
    if (tokens.size === 0) return;
    const active = await activeTokenIds(this.ctx.db, [...tokens], Date.now());
    for (const connection of this.connections()) {
      if (!active.has(connection.tokenId)) {
        connection.socket.close(1008, 'The access token is no longer valid');
      }
    }
  }

  /** Connections of these accounts listening to their user stream. */
  private userConnections(accountIds: Set<number>): Connection[] {
    return connectionsOfAccounts(
      this.byAccount,
      accountIds,
      (connection) => !connection.loading && connection.streams.has('user'),
    );
  }

  private async deliverStatus(event: StatusEventName, audience: StatusAudience): Promise<void> {
    const authorId = Number(audience.account_id);
    const home = new Set(audience.home_ids.map(Number));
    const mentioned = new Set(audience.mentioned_ids.map(Number));
    // A deletion also reaches the people a status mentioned, wherever they saw it.
    const reached = event === 'delete' ? new Set([...home, ...mentioned]) : home;
    const users = this.userConnections(reached);
    const community = audience.community
      ? { id: Number(audience.community.id), privacy: audience.community.privacy }
      : null;
    // The organisation's streams carry what everyone may read: nothing of a private or
    // secret community (a public community's statuses are for the whole organisation).
    const broadcast =
      audience.visibility === 'public' &&
      audience.reblog_of_id === null &&
      (community === null || community.privacy === 'public');
    const streams: Array<[key: string, set: Set<Connection>, media: boolean]> = [];
    if (broadcast) {
      const keys = [
        ...PUBLIC_STREAMS,
        ...audience.tags.flatMap((tag) => {
          const name = tag.toLowerCase();
          return [`hashtag:${name}`, `hashtag:local:${name}`];
        }),
      ];
      for (const key of keys) {
        const set = this.byStream.get(key);
        if (set) streams.push([key, set, false]);
      }
      for (const key of MEDIA_STREAMS) {
        const set = this.byStream.get(key);
        if (set) streams.push([key, set, true]);
      }
    }
    if (users.length === 0 && streams.length === 0) return;

    let rendered: RenderedStatus | null = null;
    let author: AccountRow | undefined;
    if (event === 'delete') {
      author = await findAccountById(this.ctx.db, authorId);
    } else {
      rendered = await renderStatus(this.ctx, audience);
      author = rendered?.author;
    }
    if (!author) return;
    const original = rendered?.original ?? null;
    const hasMedia = rendered?.hasMedia ?? false;
    const idPayload = JSON.stringify(audience.status_id);
    const status = {
      account_id: authorId,
      visibility: audience.visibility,
      author,
      community,
      hidden: audience.hidden,
    };

    const visible = (connection: Connection): boolean => {
      const viewer = connection.viewer;
      const seen = canSee(viewer, {
        kind: 'status',
        status,
        facts: {
          following: home.has(viewer.id),
          mentioned: mentioned.has(viewer.id),
          blocked: connection.blocking(authorId),
          membership: community ? connection.membership(community.id) : null,
        },
      });
      if (!seen) return false;
      if (original) {
        const originalId = original.author.id;
        const seenOriginal = canSee(viewer, {
          kind: 'status',
          status: {
            account_id: originalId,
            visibility: original.visibility,
            author: original.author,
            // A boost is posted where the original was.
            community,
            hidden: original.hidden,
          },
          facts: {
            // Only authors boost their own followers-only statuses: the boost's audience
            // is then the original's.
            following: originalId === authorId && home.has(viewer.id),
            mentioned: original.mentioned.has(viewer.id),
            blocked: connection.blocking(originalId),
            membership: community ? connection.membership(community.id) : null,
          },
        });
        if (!seenOriginal) return false;
      }
      if (event === 'delete') return true;
      return !connection.muting(authorId) && !(original && connection.muting(original.author.id));
    };

    const messages = new Map<string, Buffer>();
    const send = (connection: Connection, key: string) => {
      const prefix = connection.streams.get(key);
      if (prefix === undefined || !visible(connection)) return;
      let payload = idPayload;
      let cacheKey = prefix;
      if (rendered) {
        const own = connection.viewer.id === authorId && rendered.forAuthor !== rendered.forOthers;
        payload = own ? rendered.forAuthor : rendered.forOthers;
        if (own) cacheKey = `author:${prefix}`;
      }
      let message = messages.get(cacheKey);
      if (!message) {
        message = Buffer.from(`${prefix}"${event}","payload":${payload}}`);
        messages.set(cacheKey, message);
      }
      connection.send(message);
    };

    for (const connection of users) send(connection, 'user');
    for (const [key, set, media] of streams) {
      if (media && event !== 'delete' && !hasMedia) continue;
      for (const connection of set) if (!connection.loading) send(connection, key);
    }
  }

  /** Blocks work both ways: each side's connections stop seeing the other. */
  private async relateBlock(a: number, b: number, on: boolean): Promise<void> {
    const ofA = this.byAccount.get(a);
    const ofB = this.byAccount.get(b);
    if (!ofA && !ofB) return;
    // Lifting one block leaves the other direction's, if there is one.
    if (!on && (await blockedBetween(this.ctx.db, a, b))) return;
    for (const connection of ofA ?? []) connection.relate('blocks', b, on);
    for (const connection of ofB ?? []) connection.relate('blocks', a, on);
  }
}
