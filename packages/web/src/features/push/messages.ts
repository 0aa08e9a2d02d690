/** Messages of "Push notifications on this device" (account settings, later notification settings). */
export const pushMessages = {
  'push.title': 'Push notifications on this device',
  'push.intro':
    'Get notified on this device even when Rapport is not open. What you are told about follows your notification preferences.',
  'push.state': 'On this device',
  'push.state.on': 'On',
  'push.state.off': 'Off',
  'push.state.checking': 'Checking…',
  'push.permission': 'Browser permission',
  'push.permission.granted': 'Allowed',
  'push.permission.denied': 'Blocked',
  'push.permission.default': 'Not asked yet',
  'push.enable': 'Turn on push notifications',
  'push.enabling': 'Turning on…',
  'push.disable': 'Turn off push notifications',
  'push.disabling': 'Turning off…',
  'push.enabled': 'Push notifications are on for this device.',
  'push.disabled': 'Push notifications are off for this device.',
  'push.unsupported':
    'This browser cannot receive push notifications. Try a current version of Firefox, Chrome, Edge or Safari.',
  'push.insecure':
    'Push notifications need a secure (https) connection to Rapport. Ask your administrator to serve Rapport over https.',
  'push.denied':
    'Notifications are blocked for Rapport in this browser. Allow them in the site settings (the icon beside the address), then try again.',
  'push.dismissed':
    'The browser did not get permission to show notifications. Try again and choose “Allow”.',
  'push.unreachable':
    'Push notifications could not be turned on: this browser’s push service did not answer. Nothing was saved. The network may block it, or this device may be offline; try again later or on another network.',
  'push.refused':
    'Push notifications could not be turned on: this browser declined to register for push. Nothing was saved. Private windows and some browsers do not offer push; try a regular window.',
  'push.browserSaid': 'The browser said: {detail}',
  'push.workerFailed':
    'The part of Rapport that shows notifications (its service worker) could not be started, so push notifications cannot be turned on.',
  'push.unsaved':
    'This browser is registered for push, but Rapport has no record of it for this sign-in, so nothing arrives. Turn push notifications on again.',
} as const;
