/** A device's Web Push subscription, bound to the access token (or web session) that made it. */
export interface PushSubscriptionsTable {
  id: number;
  account_id: number;
  access_token_id: number;
  /** `mastodon`: made through /api/v1/push (payload for apps); `web`: the web app's own. */
  kind: 'mastodon' | 'web';
  endpoint: string;
  /** The device's P-256 public key and auth secret, URL-safe base64 without padding. */
  key_p256dh: string;
  key_auth: string;
  /** 1: RFC 8291 aes128gcm; 0: Mastodon's legacy draft (aesgcm). */
  standard: number;
  /** JSON: every PushAlertName with true or false. */
  alerts: string;
  policy: 'all' | 'followed' | 'follower' | 'none';
  /** The app's access token, sealed with the server secret, for Mastodon payloads; web: null. */
  sealed_token: string | null;
  created_at: number;
  updated_at: number;
}
