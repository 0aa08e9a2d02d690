import {
  AcceptAnswerInput,
  Expert,
  IdParams,
  NotifiedAnswerers,
  NotifyAnswerersInput,
  QuestionsQuery,
  Status,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { acceptAnswer, listQuestions, voteForAnswer, withdrawVote } from './questions.service';
import { notifyAnswerers, suggestAnswerers } from './suggestions.service';

const tags = ['questions'];
const read = { auth: 'user', scopes: ['read:statuses'] } as {
  auth: 'user';
  scopes: Array<'read:statuses'>;
};
const write = { auth: 'user', scopes: ['write:statuses'] } as {
  auth: 'user';
  scopes: Array<'write:statuses'>;
};

/**
 * Questions and answers (Rapport's own API): the lists by state, accepting an answer,
 * voting for answers, and the people likely to know. Asking is `POST /api/v1/statuses`
 * with `kind: 'question'`; answering is replying.
 */
export function questionsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/questions',
    {
      config: read,
      schema: { tags, querystring: QuestionsQuery, response: { 200: Status.array() } },
    },
    async (request, reply) => {
      const page = idPage(request.query);
      const { state, community_id } = request.query;
      const result = await listQuestions(
        ctx,
        viewerOf(request),
        { state, communityId: community_id === undefined ? undefined : Number(community_id) },
        page,
      );
      setIdPageLinks(request, reply, ctx.config.publicUrl, result.ids, page);
      return result.statuses;
    },
  );

  app.post(
    '/api/rapport/v1/questions/:id/accept',
    {
      config: write,
      schema: { tags, params: IdParams, body: AcceptAnswerInput, response: { 200: Status } },
    },
    async (request) => {
      const answerId = request.body.answer_id;
      return acceptAnswer(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        answerId === null ? null : Number(answerId),
      );
    },
  );

  app.delete(
    '/api/rapport/v1/questions/:id/accept',
    { config: write, schema: { tags, params: IdParams, response: { 200: Status } } },
    async (request) => acceptAnswer(ctx, viewerOf(request), Number(request.params.id), null),
  );

  app.post(
    '/api/rapport/v1/answers/:id/vote',
    { config: write, schema: { tags, params: IdParams, response: { 200: Status } } },
    async (request) => voteForAnswer(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.delete(
    '/api/rapport/v1/answers/:id/vote',
    { config: write, schema: { tags, params: IdParams, response: { 200: Status } } },
    async (request) => withdrawVote(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.get(
    '/api/rapport/v1/questions/:id/suggested_answerers',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: { tags, params: IdParams, response: { 200: Expert.array() } },
    },
    async (request) => suggestAnswerers(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.post(
    '/api/rapport/v1/questions/:id/suggested_answerers/notify',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: NotifyAnswerersInput,
        response: { 200: NotifiedAnswerers },
      },
    },
    async (request) => {
      const ids = await notifyAnswerers(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        request.body.account_ids.map(Number),
      );
      return { notified_ids: ids.map(String) };
    },
  );
}
