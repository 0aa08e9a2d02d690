import {
  CreatePushSubscriptionInput,
  Empty,
  UpdatePushSubscriptionInput,
  WebAppPushState,
  WebAppPushSubscriptionInput,
  WebPushSubscription,
} from '@rapport/schema';
import type { FastifyContextConfig, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { credentialOf, viewerOf } from '../../http/auth';
import {
  changeSubscription,
  currentSubscription,
  type Subscriber,
  subscribe,
  subscribeWebApp,
  unsubscribe,
  webAppPushState,
} from './push.service';

const tags = ['push'];
const push: FastifyContextConfig = { auth: 'user', scopes: ['push'] };

/** The subscription belongs to the token the request carries (a web session is one too). */
function subscriberOf(request: FastifyRequest): Subscriber {
  const viewer = viewerOf(request);
  const auth = request.auth as NonNullable<FastifyRequest['auth']>;
  const credential = credentialOf(request);
  return {
    viewer,
    tokenId: auth.tokenId,
    bearerToken: auth.via === 'bearer' ? credential?.token : undefined,
  };
}

const tokenIdOf = (request: FastifyRequest) => subscriberOf(request).tokenId;

/** Mastodon's Web Push subscription API, and the web app's own subscription for a session. */
export function pushRoutes(app: App, ctx: AppContext): void {
  const path = '/api/v1/push/subscription';
  app.post(
    path,
    {
      config: push,
      schema: { tags, body: CreatePushSubscriptionInput, response: { 200: WebPushSubscription } },
    },
    async (request) => subscribe(ctx, subscriberOf(request), request.body),
  );
  app.get(
    path,
    { config: push, schema: { tags, response: { 200: WebPushSubscription } } },
    async (request) => currentSubscription(ctx, tokenIdOf(request)),
  );
  app.put(
    path,
    {
      config: push,
      schema: { tags, body: UpdatePushSubscriptionInput, response: { 200: WebPushSubscription } },
    },
    async (request) => changeSubscription(ctx, tokenIdOf(request), request.body),
  );
  app.delete(
    path,
    { config: push, schema: { tags, response: { 200: Empty } } },
    async (request) => {
      await unsubscribe(ctx, tokenIdOf(request));
      return {};
    },
  );

  const web = '/api/rapport/v1/push/web-subscription';
  app.get(
    web,
    { config: push, schema: { tags, response: { 200: WebAppPushState } } },
    async (request) => webAppPushState(ctx, tokenIdOf(request)),
  );
  app.post(
    web,
    {
      config: push,
      schema: { tags, body: WebAppPushSubscriptionInput, response: { 200: WebAppPushState } },
    },
    async (request) => subscribeWebApp(ctx, subscriberOf(request), request.body),
  );
  app.delete(
    web,
    { config: push, schema: { tags, response: { 200: WebAppPushState } } },
    async (request) => {
      await unsubscribe(ctx, tokenIdOf(request));
      return webAppPushState(ctx, tokenIdOf(request));
    },
  );
}
