import { MailSubscription, UnsubscribeQuery } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { changeSubscription, describeSubscription } from './email.service';
import { API_UNSUBSCRIBE_PATH } from './unsubscribe';

const tags = ['mail'];

/**
 * Unsubscribe links work without signing in: the signed token in the query is the
 * permission. A mail app's one-click POST carries `List-Unsubscribe=One-Click` as a form;
 * the body is not needed, so whatever it holds is ignored.
 */
export function emailRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/mail/subscription',
    {
      config: { auth: 'public' },
      schema: { tags, querystring: UnsubscribeQuery, response: { 200: MailSubscription } },
    },
    async (request) => describeSubscription(ctx, request.query.token),
  );

  app.post(
    API_UNSUBSCRIBE_PATH,
    {
      config: { auth: 'public' },
      schema: { tags, querystring: UnsubscribeQuery, response: { 200: MailSubscription } },
    },
    async (request) => changeSubscription(ctx, request.query.token, false),
  );

  app.post(
    '/api/rapport/v1/mail/resubscribe',
    {
      config: { auth: 'public' },
      schema: { tags, querystring: UnsubscribeQuery, response: { 200: MailSubscription } },
    },
    async (request) => changeSubscription(ctx, request.query.token, true),
  );

  // A mail app without one-click support opens the header's link in a browser: the page
  // there explains and asks (a GET never changes anything: link checkers fetch links).
  app.get(
    API_UNSUBSCRIBE_PATH,
    { config: { auth: 'public' }, schema: { tags, querystring: UnsubscribeQuery } },
    async (request, reply) =>
      reply.redirect(`/unsubscribe?token=${encodeURIComponent(request.query.token)}`, 303),
  );
}
