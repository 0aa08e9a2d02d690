import { buildApp } from '../app';
import type { AppContext } from '../context';
import { bootstrapAdmin, prepareSetupLink } from '../features/sessions/setup.service';

/** Starts the server on the configured port; resolves with a function that stops it. */
export async function serve(
  ctx: AppContext,
  options: { banner?: string[] } = {},
): Promise<() => Promise<void>> {
  const admin = await bootstrapAdmin(ctx);
  if (admin)
    ctx.log.info({ username: admin.username }, 'created the first admin from RAPPORT_ADMIN_*');
  const setupLink = await prepareSetupLink(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: ctx.config.port, host: ctx.config.host });

  const lines = [`Rapport is running at ${ctx.config.publicUrl}`, ...(options.banner ?? [])];
  if (setupLink) {
    lines.push(
      '',
      'No admin account exists yet. Open this one-time link to create it:',
      `  ${setupLink}`,
    );
  }
  console.log(`\n${lines.join('\n')}\n`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await ctx.events.settled();
      await ctx.close();
    })();
    return stopping;
  };
  return stop;
}

/** Stops cleanly on Ctrl-C or a service manager's SIGTERM. */
export function stopOnSignals(stop: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          console.error(error);
          process.exit(1);
        });
    });
  }
}
