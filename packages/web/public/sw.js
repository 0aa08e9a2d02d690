// Rapport's service worker: it only shows push notifications and opens the app when one is
// clicked. It caches nothing and answers no requests (the app needs the network anyway).

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // Control the open pages at once, so a click can navigate them.
  event.waitUntil(self.clients.claim());
});

/** The message Rapport sends (Mastodon's push JSON plus `url`); tolerant of anything else. */
function readMessage(data) {
  if (!data) return {};
  try {
    return data.json();
  } catch {
    return { body: data.text() };
  }
}

/** Only pages of this server are opened: a message cannot send the browser elsewhere. */
function ownUrl(url) {
  try {
    const parsed = new URL(url, self.location.origin);
    return parsed.origin === self.location.origin ? parsed.href : self.location.origin;
  } catch {
    return self.location.origin;
  }
}

self.addEventListener('push', (event) => {
  const message = readMessage(event.data);
  const title = typeof message.title === 'string' && message.title ? message.title : 'Rapport';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof message.body === 'string' ? message.body : '',
      icon: typeof message.icon === 'string' ? message.icon : '/favicon.svg',
      // One notification per notification: a retried push replaces, never duplicates.
      tag: message.notification_id ? `rapport-${message.notification_id}` : undefined,
      data: { url: ownUrl(typeof message.url === 'string' ? message.url : '/notifications') },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = ownUrl(event.notification.data?.url ?? '/');
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => client.url.startsWith(self.location.origin));
      if (!open) {
        await self.clients.openWindow(url);
        return;
      }
      await open.focus();
      if (open.url === url) return;
      try {
        await open.navigate(url);
      } catch {
        // A page this worker does not control cannot be navigated: open the URL beside it.
        await self.clients.openWindow(url);
      }
    })(),
  );
});
