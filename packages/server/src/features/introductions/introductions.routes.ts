import {
  Account,
  CreateIntroduction,
  ForwardIntroduction,
  IdParams,
  Introduction,
  IntroductionListQuery,
  type Scope,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { presentAccount } from '../accounts/accounts.presenter';
import {
  acceptIntroduction,
  declineIntroduction,
  forwardIntroduction,
} from './introductions.answers';
import {
  createIntroduction,
  getIntroduction,
  listIntroducers,
  listIntroductions,
} from './introductions.service';

const tags = ['introductions'];
const base = '/api/rapport/v1/introductions';
const read = { auth: 'user' as const, scopes: ['read:accounts'] as Scope[] };
const write = { auth: 'user' as const, scopes: ['write:accounts'] as Scope[] };
const IntroducersQuery = z.object({
  target_id: z.string().regex(/^\d{1,16}$/, 'must be a numeric id'),
});

/** Introductions: only the three people in one ever see it. */
export function introductionsRoutes(app: App, ctx: AppContext): void {
  app.get(
    base,
    {
      config: read,
      schema: { tags, querystring: IntroductionListQuery, response: { 200: Introduction.array() } },
    },
    async (request, reply) => {
      const { items, ids, page } = await listIntroductions(ctx, viewerOf(request), request.query);
      setIdPageLinks(request, reply, ctx.config.publicUrl, ids, page);
      return items;
    },
  );

  app.get(
    `${base}/introducers`,
    {
      config: read,
      schema: { tags, querystring: IntroducersQuery, response: { 200: Account.array() } },
    },
    async (request) => {
      const people = await listIntroducers(ctx, viewerOf(request), Number(request.query.target_id));
      return people.map((account) => presentAccount(ctx, account));
    },
  );

  app.get(
    `${base}/:id`,
    { config: read, schema: { tags, params: IdParams, response: { 200: Introduction } } },
    async (request) => getIntroduction(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.post(
    base,
    {
      config: write,
      schema: { tags, body: CreateIntroduction, response: { 200: Introduction } },
    },
    async (request) => createIntroduction(ctx, viewerOf(request), request.body),
  );

  app.post(
    `${base}/:id/forward`,
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: ForwardIntroduction.nullish(),
        response: { 200: Introduction },
      },
    },
    async (request) =>
      forwardIntroduction(ctx, viewerOf(request), Number(request.params.id), request.body ?? {}),
  );

  app.post(
    `${base}/:id/decline`,
    { config: write, schema: { tags, params: IdParams, response: { 200: Introduction } } },
    async (request) => declineIntroduction(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.post(
    `${base}/:id/accept`,
    { config: write, schema: { tags, params: IdParams, response: { 200: Introduction } } },
    async (request) => acceptIntroduction(ctx, viewerOf(request), Number(request.params.id)),
  );
}
