import { StreamName } from '@rapport/schema';
import { hasScope } from '../oauth/scopes';

/** A stream a connection may subscribe to: its index key and the start of its messages. */
export interface StreamTarget {
  key: string;
  /** `{"stream":["hashtag","Design"],"event":`: the tag as the client spelled it, echoed. */
  prefix: string;
}

export interface StreamRefusal {
  error: string;
  status: number;
}

/**
 * Resolves a subscription request as Mastodon's streaming server does: the user streams
 * need a token that reads statuses (`user`) or notifications (`user:notification`); the
 * others need one that reads statuses. Hashtags are matched without regard to case.
 */
export function resolveStream(
  stream: string,
  params: { tag?: string | undefined },
  scopes: string[],
): StreamTarget | StreamRefusal {
  const parsed = StreamName.safeParse(stream);
  if (!parsed.success) return { error: 'Unknown stream type', status: 400 };
  const name = parsed.data;
  const scope = name === 'user:notification' ? 'read:notifications' : 'read:statuses';
  if (!hasScope(scopes, scope)) {
    return { error: 'Access token does not have the required scopes', status: 401 };
  }
  const prefix = (labels: string[]) => `{"stream":${JSON.stringify(labels)},"event":`;
  switch (name) {
    case 'hashtag':
    case 'hashtag:local': {
      const tag = params.tag?.trim().replace(/^#/, '');
      if (!tag) return { error: 'No tag for stream provided', status: 400 };
      return { key: `${name}:${tag.toLowerCase()}`, prefix: prefix([name, tag]) };
    }
    case 'list':
      // Lists do not exist yet: no list is the viewer's, as Mastodon answers for another's.
      return { error: 'Not authorized to stream this list', status: 401 };
    default:
      return { key: name, prefix: prefix([name]) };
  }
}

export const isRefusal = (target: StreamTarget | StreamRefusal): target is StreamRefusal =>
  'error' in target;
