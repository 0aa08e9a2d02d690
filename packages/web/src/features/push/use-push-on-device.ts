import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  deleteWebPushSubscription,
  getWebPushState,
  keyBytes,
  pushKeys,
  saveWebPushSubscription,
} from './push-api';

/** Whether this browser, on this connection, can receive push at all. */
export type PushSupport = 'supported' | 'unsupported' | 'insecure';

/** Why turning push on failed in the browser (the server's refusals are API errors). */
export type PushProblemKind = 'denied' | 'dismissed' | 'refused' | 'unreachable' | 'worker';

export class PushProblem extends Error {
  constructor(
    readonly kind: PushProblemKind,
    readonly detail = '',
  ) {
    super(detail || kind);
  }
}

/**
 * A browser whose push service cannot be reached (an offline machine, a network that blocks
 * it) may never answer `subscribe` (Chromium keeps trying for minutes); after this long it
 * is treated as unreachable.
 */
const SUBSCRIBE_TIMEOUT_MS = 20_000;

function detailOf(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

function pushSupport(): PushSupport {
  if (typeof window === 'undefined') return 'unsupported';
  if (
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window)
  ) {
    // Service workers only exist in secure contexts: tell that apart from an old browser.
    return window.isSecureContext ? 'unsupported' : 'insecure';
  }
  return 'supported';
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === wanted.length && bytes.every((byte, i) => byte === wanted[i]);
}

async function subscribeWithin(
  registration: ServiceWorkerRegistration,
  key: Uint8Array<ArrayBuffer>,
): Promise<PushSubscription> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PushProblem('unreachable')), SUBSCRIBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
      timeout,
    ]);
  } catch (error) {
    if (error instanceof PushProblem) throw error;
    // Permission is granted by now: a "permission denied" is the browser declining push
    // itself (Chromium in a private window, browsers without a push service).
    const refused = error instanceof Error && /permission/i.test(error.message);
    throw new PushProblem(refused ? 'refused' : 'unreachable', detailOf(error));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Push on this device: the service worker, the browser's permission and subscription, and
 * the server's record of it for this session. On means both ends agree on the endpoint.
 */
export function usePushOnThisDevice() {
  const queryClient = useQueryClient();
  const [support] = useState(pushSupport);
  const [registration, setRegistration] = useState<ServiceWorkerRegistration | null>(null);
  const [workerProblem, setWorkerProblem] = useState<PushProblem | null>(null);
  /** The browser's subscription endpoint: undefined while unknown, null when there is none. */
  const [browserEndpoint, setBrowserEndpoint] = useState<string | null | undefined>(undefined);
  const [permission, setPermission] = useState<NotificationPermission>(() =>
    support === 'supported' ? Notification.permission : 'default',
  );
  const server = useQuery({
    queryKey: pushKeys.webSubscription,
    queryFn: getWebPushState,
    enabled: support === 'supported',
  });

  useEffect(() => {
    if (support !== 'supported') return;
    let live = true;
    navigator.serviceWorker
      .register('/sw.js')
      .then(async (registered) => {
        if (!live) return;
        setRegistration(registered);
        const existing = await registered.pushManager.getSubscription();
        if (live) setBrowserEndpoint(existing?.endpoint ?? null);
      })
      .catch((error: unknown) => {
        if (live) setWorkerProblem(new PushProblem('worker', detailOf(error)));
      });
    // The permission can change in the browser's own settings while the page is open.
    navigator.permissions
      ?.query({ name: 'notifications' })
      .then((status) => {
        status.onchange = () => setPermission(Notification.permission);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [support]);

  const enable = useMutation({
    mutationFn: async () => {
      if (!registration || !server.data) throw new PushProblem('worker');
      const answer = await Notification.requestPermission();
      setPermission(answer);
      if (answer === 'denied') throw new PushProblem('denied');
      if (answer !== 'granted') throw new PushProblem('dismissed');
      const key = keyBytes(server.data.server_key);
      let subscription = await registration.pushManager.getSubscription();
      // Made for another key (another server at this address once): it would never work.
      if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
        await subscription.unsubscribe();
        subscription = null;
      }
      subscription ??= await subscribeWithin(registration, key);
      setBrowserEndpoint(subscription.endpoint);
      try {
        return await saveWebPushSubscription(subscription.toJSON());
      } catch (error) {
        // The server did not take it: a browser subscription nobody pushes to is not "on".
        await subscription.unsubscribe().catch(() => undefined);
        setBrowserEndpoint(null);
        throw error;
      }
    },
    onSuccess: (state) => queryClient.setQueryData(pushKeys.webSubscription, state),
  });

  const disable = useMutation({
    mutationFn: async () => {
      const state = await deleteWebPushSubscription();
      const subscription = await registration?.pushManager.getSubscription();
      await subscription?.unsubscribe();
      setBrowserEndpoint(null);
      return state;
    },
    onSuccess: (state) => queryClient.setQueryData(pushKeys.webSubscription, state),
  });

  const serverEndpoint = server.data?.subscription?.endpoint;
  const checking =
    support === 'supported' &&
    !workerProblem &&
    (browserEndpoint === undefined || server.isPending);
  return {
    support,
    permission,
    checking,
    on: !checking && !!browserEndpoint && browserEndpoint === serverEndpoint,
    /** The browser is subscribed but the server has no record of it for this session. */
    unsaved: !checking && !!browserEndpoint && browserEndpoint !== serverEndpoint,
    workerProblem,
    serverError: server.error,
    enable,
    disable,
  };
}
