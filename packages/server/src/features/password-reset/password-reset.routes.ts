import { ForgotPasswordAccepted, ForgotPasswordInput, ResetPasswordInput } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { jsonOnly } from '../../http/forms';
import { addressLimit } from '../../http/rate-limit';
import { FORGOT_ANSWER, requestPasswordReset, resetPassword } from './password-reset.service';

const tags = ['sessions'];

/** Requests per client address, both routes together (each address is also limited per hour). */
const PER_ADDRESS = { max: 10, windowMs: 15 * 60_000 };

export function passwordResetRoutes(app: App, ctx: AppContext): void {
  const limit = addressLimit(app, ctx.config, PER_ADDRESS, 'password-reset');

  app.post(
    '/api/rapport/v1/password/forgot',
    {
      config: { auth: 'public', ...limit.config },
      onRequest: [...limit.onRequest, jsonOnly],
      schema: { tags, body: ForgotPasswordInput, response: { 202: ForgotPasswordAccepted } },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email);
      return reply.status(202).send(FORGOT_ANSWER);
    },
  );

  app.post(
    '/api/rapport/v1/password/reset',
    {
      config: { auth: 'public', ...limit.config },
      onRequest: [...limit.onRequest, jsonOnly],
      schema: { tags, body: ResetPasswordInput },
    },
    async (request, reply) => {
      await resetPassword(ctx, request.body.token, request.body.password);
      return reply.status(204).send();
    },
  );
}
