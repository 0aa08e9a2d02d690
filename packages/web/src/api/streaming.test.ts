import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeNotification, makeStatus } from '../test/fixtures';
import {
  parseStreamMessage,
  reconnectDelay,
  type SocketLike,
  type StreamEvent,
  StreamingConnection,
  streamKey,
  streamMatches,
} from './streaming';

const message = (value: unknown) => JSON.stringify(value);

describe('parseStreamMessage', () => {
  it('reads a new status, whose payload is JSON text', () => {
    const status = makeStatus({ id: '12' });
    const event = parseStreamMessage(
      message({ stream: ['user'], event: 'update', payload: JSON.stringify(status) }),
    );
    expect(event).toEqual({ stream: ['user'], event: 'update', status });
  });

  it('reads an edit, a notification and a delete (whose payload is an id)', () => {
    const status = makeStatus({ id: '12' });
    expect(
      parseStreamMessage(
        message({
          stream: ['public:local'],
          event: 'status.update',
          payload: JSON.stringify(status),
        }),
      ),
    ).toMatchObject({ event: 'status.update', status: { id: '12' } });
    const notification = makeNotification({ id: '3' });
    expect(
      parseStreamMessage(
        message({ stream: ['user'], event: 'notification', payload: JSON.stringify(notification) }),
      ),
    ).toMatchObject({ event: 'notification', notification: { id: '3', type: 'mention' } });
    expect(
      parseStreamMessage(message({ stream: ['user'], event: 'delete', payload: '12' })),
    ).toEqual({
      stream: ['user'],
      event: 'delete',
      id: '12',
    });
    expect(
      parseStreamMessage(message({ stream: ['user'], event: 'delete', payload: 12 })),
    ).toMatchObject({
      id: '12',
    });
  });

  it('accepts a payload sent as an object rather than as text', () => {
    const status = makeStatus({ id: '4' });
    expect(
      parseStreamMessage(message({ stream: ['user'], event: 'update', payload: status })),
    ).toMatchObject({
      status: { id: '4' },
    });
  });

  it('ignores what it does not know or cannot read', () => {
    expect(parseStreamMessage('not json')).toBeNull();
    expect(parseStreamMessage(message({ event: 'filters_changed' }))).toBeNull();
    expect(
      parseStreamMessage(message({ stream: ['user'], event: 'update', payload: '{"id":1' })),
    ).toBeNull();
    expect(
      parseStreamMessage(message({ stream: ['user'], event: 'update', payload: '{"id":"1"}' })),
    ).toBeNull();
    expect(parseStreamMessage(message({ event: 'delete', payload: '' }))).toBeNull();
    expect(parseStreamMessage(new ArrayBuffer(2))).toBeNull();
    expect(parseStreamMessage(message(['update']))).toBeNull();
  });

  it('keeps a missing stream as null', () => {
    expect(parseStreamMessage(message({ event: 'delete', payload: '1' }))?.stream).toBeNull();
  });
});

describe('streamKey and streamMatches', () => {
  it('matches messages to subscriptions, hashtags without regard to case', () => {
    expect(streamKey({ name: 'hashtag', tag: 'Design' })).toBe('hashtag:design');
    expect(streamMatches({ name: 'user' }, ['user'])).toBe(true);
    expect(streamMatches({ name: 'user' }, ['public:local'])).toBe(false);
    expect(streamMatches({ name: 'hashtag', tag: 'Design' }, ['hashtag', 'design'])).toBe(true);
    expect(streamMatches({ name: 'hashtag', tag: 'design' }, ['hashtag', 'ux'])).toBe(false);
    expect(streamMatches({ name: 'public:local' }, null)).toBe(true);
  });
});

describe('reconnectDelay', () => {
  it('doubles from one second up to thirty, with jitter between half and all of it', () => {
    expect(reconnectDelay(0, () => 1)).toBe(1000);
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(3, () => 1)).toBe(8000);
    expect(reconnectDelay(10, () => 1)).toBe(30_000);
    expect(reconnectDelay(50, () => 0)).toBe(15_000);
  });
});

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closed = false;
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
  receive(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent);
  }
}

describe('StreamingConnection', () => {
  let sockets: FakeSocket[];
  let connection: StreamingConnection;
  const last = () => sockets[sockets.length - 1] as FakeSocket;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    connection = new StreamingConnection(
      () => 'ws://rapport.test/api/v1/streaming',
      (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
    );
  });

  afterEach(() => {
    connection.close();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('opens one socket for every subscription and subscribes each stream once', () => {
    const seen: StreamEvent[] = [];
    connection.subscribe({ name: 'user' }, (event) => seen.push(event));
    connection.subscribe({ name: 'user' }, () => {});
    connection.subscribe({ name: 'hashtag', tag: 'ux' }, () => {});
    expect(sockets).toHaveLength(1);
    last().open();
    expect(last().sent).toEqual([
      { type: 'subscribe', stream: 'user' },
      { type: 'subscribe', stream: 'hashtag', tag: 'ux' },
    ]);
    last().receive({ stream: ['user'], event: 'delete', payload: '9' });
    last().receive({ stream: ['hashtag', 'ux'], event: 'delete', payload: '8' });
    expect(seen).toEqual([{ stream: ['user'], event: 'delete', id: '9' }]);
  });

  it('unsubscribes when the last listener of a stream leaves, and closes when idle', () => {
    const stop = connection.subscribe({ name: 'public:local' }, () => {});
    last().open();
    stop();
    expect(last().sent.at(-1)).toEqual({ type: 'unsubscribe', stream: 'public:local' });
    expect(last().closed).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(last().closed).toBe(true);
    expect(connection.state).toBe('idle');
  });

  it('reconnects with backoff, subscribes again and reports the reconnection', () => {
    // The longest jitter: each wait is the full 1 s, 2 s...
    vi.spyOn(Math, 'random').mockReturnValue(0.99999);
    const reconnected = vi.fn();
    connection.onReconnect(reconnected);
    connection.subscribe({ name: 'user' }, () => {});
    last().open();
    expect(reconnected).not.toHaveBeenCalled();

    last().drop();
    expect(connection.state).toBe('waiting');
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().drop();
    vi.advanceTimersByTime(2000);
    expect(sockets).toHaveLength(3);
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe', stream: 'user' }]);
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(connection.state).toBe('open');
  });

  it('tries at once when asked (back online), instead of waiting out the backoff', () => {
    connection.subscribe({ name: 'user' }, () => {});
    last().drop();
    connection.retryNow();
    expect(sockets).toHaveLength(2);
  });

  it('drops the socket when the browser goes offline and catches up once back', () => {
    const reconnected = vi.fn();
    connection.onReconnect(reconnected);
    connection.subscribe({ name: 'user' }, () => {});
    const first = last();
    first.open();
    connection.suspend();
    expect(first.closed).toBe(true);
    expect(connection.state).toBe('waiting');
    connection.retryNow();
    expect(sockets).toHaveLength(2);
    last().open();
    expect(reconnected).toHaveBeenCalledTimes(1);
    // A late close of the dropped socket changes nothing.
    first.drop();
    expect(connection.state).toBe('open');
  });

  it('stops trying once nobody listens', () => {
    const stop = connection.subscribe({ name: 'user' }, () => {});
    last().drop();
    stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
