import type { MembershipState } from '@rapport/schema';
import type { WebSocket } from 'ws';
import type { Viewer } from '../http/auth';

/** What the hub needs of a socket (a `ws` WebSocket; a fake in unit tests). */
export type StreamSocket = Pick<
  WebSocket,
  'send' | 'ping' | 'close' | 'terminate' | 'readyState' | 'bufferedAmount'
>;

const OPEN = 1;
const TEXT = { binary: false };
/**
 * A client that has this much unsent data is not reading: it is dropped rather than let
 * grow the server's memory. It reconnects and catches up through the REST API.
 */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * One open stream. Kept small because a server holds thousands of idle ones: the sets of
 * blocked and muted accounts exist only when non-empty.
 */
export class StreamConnection {
  /** Answered the last ping (or sent something) since the previous keepalive round. */
  alive = true;
  /**
   * Subscribed streams by key (`user`, `public:local`, `hashtag:design`...), each with the
   * start of every message sent for it: `{"stream":["hashtag","Design"],"event":` (the tag
   * as the client spelled it, as Mastodon echoes it).
   */
  readonly streams = new Map<string, string>();
  /** Accounts this one blocks or is blocked by. */
  blocks: Set<number> | null = null;
  mutes: Set<number> | null = null;
  /** The account's place in each community it belongs to, asked to join or was invited to. */
  memberships: Map<number, MembershipState> | null = null;
  /** Relations are loading; a relation event meanwhile means they must be read again. */
  loading = true;
  stale = false;

  constructor(
    readonly socket: StreamSocket,
    readonly viewer: Viewer,
    readonly tokenId: number,
    /** The token may read notifications (`read` or `read:notifications`). */
    readonly notifications: boolean,
  ) {}

  send(message: Buffer): void {
    const socket = this.socket;
    if (socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(message, TEXT);
  }

  blocking(accountId: number): boolean {
    return this.blocks?.has(accountId) ?? false;
  }

  muting(accountId: number): boolean {
    return this.mutes?.has(accountId) ?? false;
  }

  membership(communityId: number): MembershipState | null {
    return this.memberships?.get(communityId) ?? null;
  }

  /** The account joined, asked, was invited to or left a community (null: no place in it). */
  relateMembership(communityId: number, state: MembershipState | null): void {
    if (this.loading) {
      this.stale = true;
      return;
    }
    if (state === null) {
      this.memberships?.delete(communityId);
      if (this.memberships?.size === 0) this.memberships = null;
    } else {
      this.memberships ??= new Map();
      this.memberships.set(communityId, state);
    }
  }

  relate(kind: 'blocks' | 'mutes', accountId: number, on: boolean): void {
    if (this.loading) {
      this.stale = true;
      return;
    }
    const set = this[kind];
    if (on) {
      if (set) set.add(accountId);
      else this[kind] = new Set([accountId]);
    } else if (set) {
      set.delete(accountId);
      if (set.size === 0) this[kind] = null;
    }
  }
}
