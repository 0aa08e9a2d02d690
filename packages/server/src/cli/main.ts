import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { createContext } from '../context';
import { runDemo } from './demo';
import { importInteractionsFile, recomputeRelationshipsNow } from './relationships';
import { serve, stopOnSignals } from './serve';
import { createUser, resetPassword } from './user';

const USAGE = `Usage: rapport <command>

  serve                      start the server (configured by environment variables, see README)
  migrate                    apply database migrations and exit
  demo                       start with a generated demo organisation (data in ./data-demo)
  user create --username NAME --email EMAIL [--password P] [--admin | --role member|guest] [--name "Full Name"]
  user reset-password USERNAME_OR_EMAIL [--password P]
  import interactions FILE   add history to the relationship model: one JSON object per line,
                             {"actor", "target", "kind", "at", "context"} (docs/features/relationships-import.md)
  relationships recompute    recompute every relationship from the interaction ledger
`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      admin: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === 'demo') {
    await runDemo();
    return;
  }
  const config = loadConfig();
  const ctx = await createContext(config);
  switch (command) {
    case 'serve': {
      stopOnSignals(await serve(ctx));
      return;
    }
    case 'migrate':
      console.log(`Database is up to date (${config.databaseUrl ? 'PostgreSQL' : 'SQLite'}).`);
      break;
    case 'user':
      if (sub === 'create') console.log(await createUser(ctx, values));
      else if (sub === 'reset-password')
        console.log(await resetPassword(ctx, arg, values.password));
      else throw new Error(`Unknown user command ${sub ?? ''}\n\n${USAGE}`);
      break;
    case 'import': {
      if (sub !== 'interactions') throw new Error(`Unknown import ${sub ?? ''}\n\n${USAGE}`);
      const { report, ok } = await importInteractionsFile(ctx, arg);
      console.log(report);
      if (!ok) process.exitCode = 1;
      break;
    }
    case 'relationships':
      if (sub !== 'recompute')
        throw new Error(`Unknown relationships command ${sub ?? ''}\n\n${USAGE}`);
      console.log(await recomputeRelationshipsNow(ctx));
      break;
    default:
      throw new Error(`Unknown command ${command}\n\n${USAGE}`);
  }
  await ctx.events.settled();
  await ctx.close();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
