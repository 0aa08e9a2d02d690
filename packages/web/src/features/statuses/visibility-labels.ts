import type { Visibility } from '@rapport/schema';
import type { MessageKey } from '../../i18n';

export const VISIBILITY_LABELS: Record<Visibility, MessageKey> = {
  public: 'visibility.public',
  unlisted: 'visibility.unlisted',
  private: 'visibility.private',
  direct: 'visibility.direct',
};

export const VISIBILITY_HINTS: Record<Visibility, MessageKey> = {
  public: 'visibility.publicHint',
  unlisted: 'visibility.unlistedHint',
  private: 'visibility.privateHint',
  direct: 'visibility.directHint',
};
