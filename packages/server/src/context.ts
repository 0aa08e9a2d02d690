import path from 'node:path';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import type { Config } from './config';
import { createDb, type DbHandle, type DbOptions } from './db/create-db';
import type { DialectName } from './db/dialect';
import { migrateToLatest } from './db/migrate';
import type { Db } from './db/tables';
import { EventBus } from './events';
import { ActivityDays } from './features/analytics/activity';
import { loadSecretKey } from './features/instance/settings.queries';
import { loadVapidKeys, type VapidKeys } from './features/push/vapid';
import { MediaStore } from './media-store';
import { PresentationCache } from './presentation-cache';

/** Everything a request or a job needs, built once and passed explicitly. */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: DialectName;
  events: EventBus;
  log: Logger;
  media: MediaStore;
  /** Server-wide secret shared by every node (CSRF tokens); lives in the database. */
  secretKey: string;
  /** The server's Web Push (VAPID) key pair; lives in the database, made on the first start. */
  vapid: VapidKeys;
  /** Presented accounts and statuses kept between requests (checked against their rows). */
  presented: PresentationCache;
  /** The days each person used Rapport (analytics tell observers from the inactive). */
  activity: ActivityDays;
  /** Closes what the context opened (the database pool). */
  close(): Promise<void>;
}

/** One-time tokens travel in these paths (setup and invitation links); logs must not keep them. */
const SECRET_PATHS = /\/(setup|invite|invitations)\/[^/?]+/;

/** The server's logger: JSON lines on stdout (or `destination`), secrets kept out. */
export function createLogger(config: Config, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: req.url
          .replace(SECRET_PATHS, '/$1/[redacted]')
          .replace(/([?&](?:code|access_token|token)=)[^&]+/g, '$1[redacted]'),
        remoteAddress: req.ip,
      }),
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Where the server's database is: PostgreSQL when configured, else the data folder's SQLite file. */
export function databaseOptions(config: Config): DbOptions {
  return {
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'rapport.sqlite'),
  };
}

/** Opens the database, applies pending migrations and loads the server secret and keys. */
export async function createContext(
  config: Config,
  options: { log?: Logger; dbHandle?: DbHandle } = {},
): Promise<AppContext> {
  const log = options.log ?? createLogger(config);
  const handle = options.dbHandle ?? createDb(databaseOptions(config));
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) log.info({ migrations: applied }, 'applied database migrations');
    const activity = new ActivityDays(handle.db, (error) =>
      log.warn({ err: error }, 'recording activity days failed'),
    );
    return {
      config,
      db: handle.db,
      dialect: handle.dialect,
      events: new EventBus(log),
      log,
      media: new MediaStore(path.join(config.dataDir, 'media'), config.publicUrl),
      secretKey: await loadSecretKey(handle.db),
      vapid: await loadVapidKeys(handle.db),
      presented: new PresentationCache(),
      activity,
      close: async () => {
        await activity.flush();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
