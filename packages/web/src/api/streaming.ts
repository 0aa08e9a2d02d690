import {
  createContext,
  createElement,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import {
  parseStreamMessage,
  type StreamEvent,
  type StreamSpec,
  streamKey,
  streamMatches,
  subscribeMessage,
} from './stream-messages';

export * from './stream-messages';

const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s... up to 30 s, each between half and all of
 * that, so a restarted server is not hit by every tab at the same instant.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** What the connection needs from a WebSocket (the browser's, or a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number): void;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
}

const OPEN = 1;
/** How long the socket stays open with nobody listening, so page changes do not reconnect. */
const IDLE_CLOSE_MS = 10_000;

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'waiting';

type Listener = (event: StreamEvent) => void;

interface Subscription {
  spec: StreamSpec;
  listeners: Set<Listener>;
}

/**
 * One WebSocket shared by every part of the app. Subscriptions are counted per stream, so
 * two timelines on the same stream cost one server subscription; the socket opens with the
 * first subscription, reconnects with backoff while any remains, and closes when idle.
 */
export class StreamingConnection {
  private socket: SocketLike | null = null;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly stateListeners = new Set<() => void>();
  private attempt = 0;
  private everOpened = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private currentState: ConnectionState = 'idle';

  constructor(
    private readonly url: () => string,
    private readonly createSocket: (url: string) => SocketLike,
  ) {}

  get state(): ConnectionState {
    return this.currentState;
  }

  subscribe(spec: StreamSpec, listener: Listener): () => void {
    const key = streamKey(spec);
    let subscription = this.subscriptions.get(key);
    if (!subscription) {
      subscription = { spec, listeners: new Set() };
      this.subscriptions.set(key, subscription);
      this.sendIfOpen(subscribeMessage(spec, 'subscribe'));
    }
    subscription.listeners.add(listener);
    this.cancelIdleClose();
    this.ensureConnected();
    return () => {
      const current = this.subscriptions.get(key);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size > 0) return;
      this.subscriptions.delete(key);
      this.sendIfOpen(subscribeMessage(spec, 'unsubscribe'));
      if (this.subscriptions.size === 0) this.scheduleIdleClose();
    };
  }

  /** Called after the socket came back from a drop: events may have been missed meanwhile. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  onStateChange(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Try now rather than at the end of the backoff (the browser came back online, the tab woke up). */
  retryNow(): void {
    if (this.currentState !== 'waiting') return;
    this.clearRetry();
    this.attempt = 0;
    this.connect();
  }

  /**
   * The browser went offline. A socket can linger half-open for long after the network
   * went away, delivering nothing: drop it now, so coming back online (`retryNow`)
   * reconnects at once and the reconnect listeners fetch what was missed.
   */
  suspend(): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    socket.onclose = null;
    socket.onmessage = null;
    socket.onerror = null;
    socket.onopen = null;
    socket.close(1000);
    this.clearRetry();
    if (this.subscriptions.size > 0) this.scheduleRetry();
    else this.setState('idle');
  }

  close(): void {
    this.clearRetry();
    this.cancelIdleClose();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.onerror = null;
      socket.onopen = null;
      socket.close(1000);
    }
    this.setState('idle');
  }

  private setState(state: ConnectionState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    for (const listener of this.stateListeners) listener();
  }

  private ensureConnected(): void {
    if (this.socket || this.retryTimer) return;
    this.connect();
  }

  private connect(): void {
    this.setState('connecting');
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState('open');
      for (const { spec } of this.subscriptions.values()) {
        socket.send(subscribeMessage(spec, 'subscribe'));
      }
      if (this.everOpened) for (const listener of this.reconnectListeners) listener();
      this.everOpened = true;
    };
    socket.onmessage = (message) => this.dispatch(parseStreamMessage(message.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.subscriptions.size > 0) this.scheduleRetry();
      else this.setState('idle');
    };
    socket.onerror = () => {
      // A close event follows every error; reconnecting is decided there.
    };
  }

  private dispatch(event: StreamEvent | null): void {
    if (!event) return;
    for (const { spec, listeners } of [...this.subscriptions.values()]) {
      if (!streamMatches(spec, event.stream)) continue;
      for (const listener of [...listeners]) listener(event);
    }
  }

  private sendIfOpen(message: string): void {
    if (this.socket?.readyState === OPEN) this.socket.send(message);
  }

  private scheduleRetry(): void {
    this.setState('waiting');
    const delay = reconnectDelay(this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.subscriptions.size > 0) this.connect();
      else this.setState('idle');
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private scheduleIdleClose(): void {
    this.cancelIdleClose();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.subscriptions.size === 0) this.close();
    }, IDLE_CLOSE_MS);
  }

  private cancelIdleClose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/** The streaming endpoint on the page's own origin; the session cookie authenticates it. */
export function streamingUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/streaming`;
}

const StreamingContext = createContext<StreamingConnection | null>(null);

/**
 * Holds the app's one streaming connection. It connects only while something subscribes
 * (pages behind sign-in), drops the socket when the browser goes offline, and tries again at
 * once when the browser comes back online or the tab becomes visible, instead of waiting out
 * the backoff.
 */
export function StreamingProvider({ children }: { children: ReactNode }) {
  const [connection] = useState(
    () =>
      new StreamingConnection(
        () => streamingUrl(window.location),
        (url) => new WebSocket(url),
      ),
  );
  useEffect(() => {
    const retry = () => {
      if (document.visibilityState === 'visible') connection.retryNow();
    };
    const suspend = () => connection.suspend();
    window.addEventListener('online', retry);
    window.addEventListener('offline', suspend);
    document.addEventListener('visibilitychange', retry);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener('offline', suspend);
      document.removeEventListener('visibilitychange', retry);
      connection.close();
    };
  }, [connection]);
  return createElement(StreamingContext.Provider, { value: connection }, children);
}

function useConnection(): StreamingConnection {
  const connection = useContext(StreamingContext);
  if (!connection) throw new Error('streaming hooks need <StreamingProvider>');
  return connection;
}

/**
 * Listens to a stream while the component is mounted (pass null to listen to nothing). The
 * latest `onEvent` is always called, so it need not be memoised.
 */
export function useStream(spec: StreamSpec | null, onEvent: (event: StreamEvent) => void): void {
  const connection = useConnection();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = spec ? streamKey(spec) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the spec
  useEffect(() => {
    if (!spec) return;
    return connection.subscribe(spec, (event) => handler.current(event));
  }, [connection, key]);
}

/** Runs after the connection came back from a drop, to fetch what was missed meanwhile. */
export function useStreamReconnect(onReconnect: () => void): void {
  const connection = useConnection();
  const handler = useRef(onReconnect);
  handler.current = onReconnect;
  useEffect(() => connection.onReconnect(() => handler.current()), [connection]);
}

export function useStreamingState(): ConnectionState {
  const connection = useConnection();
  return useSyncExternalStore(
    (listener) => connection.onStateChange(listener),
    () => connection.state,
  );
}
