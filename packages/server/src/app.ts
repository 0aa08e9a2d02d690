import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { accountsRoutes } from './features/accounts/accounts.routes';
import { adminRoutes } from './features/admin/admin.routes';
import { analyticsRoutes } from './features/analytics/analytics.routes';
import { registerCardFetching } from './features/cards/cards.service';
import { chatsRoutes } from './features/chats/chats.routes';
import { communitiesRoutes } from './features/communities/communities.routes';
import { communityContentRoutes } from './features/communities/content.routes';
import { membershipRoutes } from './features/communities/membership.routes';
import { conversationsRoutes } from './features/conversations/conversations.routes';
import { emailRoutes } from './features/email/email.routes';
import { registerEmail } from './features/email/email.service';
import { eventsRoutes } from './features/events/events.routes';
import { expertiseRoutes } from './features/expertise/expertise.routes';
import { filesRoutes } from './features/files/files.routes';
import { registerFileCleanup } from './features/files/files.service';
import { graphRoutes } from './features/graph/graph.routes';
import { inboxRoutes } from './features/inbox/inbox.routes';
import { instanceRoutes } from './features/instance/instance.routes';
import { introductionsRoutes } from './features/introductions/introductions.routes';
import { invitationsRoutes } from './features/invitations/invitations.routes';
import { invitesRoutes } from './features/invites/invites.routes';
import { mediaRoutes } from './features/media/media.routes';
import { startMediaCleanup } from './features/media/media.service';
import { moderationRoutes } from './features/moderation/moderation.routes';
import { preferencesRoutes } from './features/notification-preferences/preferences.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { oauthRoutes } from './features/oauth/oauth.routes';
import { pagesRoutes } from './features/pages/pages.routes';
import { passwordResetRoutes } from './features/password-reset/password-reset.routes';
import { peopleRoutes } from './features/people/people.routes';
import { pollsRoutes } from './features/polls/polls.routes';
import { startPollCloser } from './features/polls/polls.service';
import { pushRoutes } from './features/push/push.routes';
import { registerPushDelivery } from './features/push/push-delivery';
import { questionsRoutes } from './features/questions/questions.routes';
import { relationshipAdminRoutes } from './features/relationships/import.routes';
import { relationshipInsightsRoutes } from './features/relationships/insights.routes';
import { relationshipsRoutes } from './features/relationships/relationships.routes';
import { searchRoutes } from './features/search/search.routes';
import { sessionsRoutes } from './features/sessions/sessions.routes';
import { statusesRoutes } from './features/statuses/statuses.routes';
import { streamingRoutes } from './features/streaming/streaming.routes';
import { timelinesRoutes } from './features/timelines/timelines.routes';
import type { App } from './http/app-types';
import { authPlugin } from './http/auth';
import { errorsPlugin } from './http/errors';
import { formsPlugin, nestFields } from './http/forms';
import { openApiPlugin } from './http/openapi';
import { rateLimitPlugin } from './http/rate-limit';
import { securityPlugin } from './http/security';
import { webAppPlugin } from './http/web-app';

/**
 * The Rapport server as an unstarted Fastify instance: plugins first (their hooks must see
 * every route), then one registration per feature, then the web app as the fallback.
 */
export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: {
      maxParamLength: 200,
      // Mastodon apps send lists in query strings with Rails brackets: `id[]=1&id[]=2`.
      querystringParser: (query) => nestFields(new URLSearchParams(query).entries()),
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setReplySerializer((payload) => JSON.stringify(payload));

  await app.register(cookie);
  await app.register(errorsPlugin);
  await app.register(securityPlugin, { config: ctx.config });
  await app.register(rateLimitPlugin, { config: ctx.config });
  await app.register(formsPlugin);
  await app.register(authPlugin, { ctx });
  await app.register(openApiPlugin, { config: ctx.config });

  instanceRoutes(app, ctx);
  oauthRoutes(app, ctx);
  sessionsRoutes(app, ctx);
  accountsRoutes(app, ctx);
  peopleRoutes(app, ctx);
  adminRoutes(app, ctx);
  invitationsRoutes(app, ctx);
  statusesRoutes(app, ctx);
  mediaRoutes(app, ctx);
  pollsRoutes(app, ctx);
  timelinesRoutes(app, ctx);
  graphRoutes(app, ctx);
  notificationsRoutes(app, ctx);
  conversationsRoutes(app, ctx);
  preferencesRoutes(app, ctx);
  inboxRoutes(app, ctx);
  searchRoutes(app, ctx);
  moderationRoutes(app, ctx);
  communitiesRoutes(app, ctx);
  membershipRoutes(app, ctx);
  communityContentRoutes(app, ctx);
  questionsRoutes(app, ctx);
  expertiseRoutes(app, ctx);
  pagesRoutes(app, ctx);
  eventsRoutes(app, ctx);
  chatsRoutes(app, ctx);
  relationshipsRoutes(app, ctx);
  relationshipInsightsRoutes(app, ctx);
  introductionsRoutes(app, ctx);
  invitesRoutes(app, ctx);
  relationshipAdminRoutes(app, ctx);
  analyticsRoutes(app, ctx);
  await streamingRoutes(app, ctx);
  registerCardFetching(ctx);
  filesRoutes(app, ctx);
  registerFileCleanup(ctx);
  pushRoutes(app, ctx);
  const stopPushRetries = registerPushDelivery(ctx);
  passwordResetRoutes(app, ctx);
  emailRoutes(app, ctx);
  // Immediate emails, the outbox delivery job and the digest scheduler (stopped on close).
  registerEmail(app, ctx);
  // Periodic jobs: expired polls closed every 15 s, uploads no status took deleted hourly.
  const stopJobs = [startPollCloser(ctx), startMediaCleanup(ctx), stopPushRetries];
  app.addHook('onClose', async () => {
    for (const stop of stopJobs) stop();
  });

  await app.register(webAppPlugin, { ctx });
  return app;
}
