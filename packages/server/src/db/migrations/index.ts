import type { Migration } from 'kysely';
import * as m0001 from './0001-platform';
import * as m0002 from './0002-social';
import * as m0003 from './0003-communities';
import * as m0004 from './0004-communities-extra';
import * as m0005 from './0005-questions';
import * as m0006 from './0006-pages';
import * as m0007 from './0007-events';
import * as m0008 from './0008-files';
import * as m0009 from './0009-moderation';
import * as m0010 from './0010-notification-preferences';
import * as m0011 from './0011-chats';
import * as m0012 from './0012-inbox';
import * as m0013 from './0013-mail';
import * as m0014 from './0014-push';
import * as m0015 from './0015-conversations';
import * as m0016 from './0016-relationships';
import * as m0017 from './0017-relationship-reminders';
import * as m0018 from './0018-analytics';

/** Every migration, in order. Names are stored in the database: never rename one. */
export const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-social': m0002,
  '0003-communities': m0003,
  '0004-communities-extra': m0004,
  '0005-questions': m0005,
  '0006-pages': m0006,
  '0007-events': m0007,
  '0008-files': m0008,
  '0009-moderation': m0009,
  '0010-notification-preferences': m0010,
  '0011-chats': m0011,
  '0012-inbox': m0012,
  '0013-mail': m0013,
  '0014-push': m0014,
  '0015-conversations': m0015,
  '0016-relationships': m0016,
  '0017-relationship-reminders': m0017,
  '0018-analytics': m0018,
};
