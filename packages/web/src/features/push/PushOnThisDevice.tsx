import { useId } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage, SuccessMessage } from '../../components/FormMessage';
import { useT } from '../../i18n/I18nProvider';
import { PushProblem, usePushOnThisDevice } from './use-push-on-device';

const PROBLEM_TEXT = {
  denied: 'push.denied',
  dismissed: 'push.dismissed',
  refused: 'push.refused',
  unreachable: 'push.unreachable',
  worker: 'push.workerFailed',
} as const;

function Problem({ problem }: { problem: PushProblem }) {
  const t = useT();
  return (
    <div className="message message-error" role="alert">
      <p>{t(PROBLEM_TEXT[problem.kind])}</p>
      {problem.detail && (
        <p className="small">{t('push.browserSaid', { detail: problem.detail })}</p>
      )}
    </div>
  );
}

/**
 * "Push notifications on this device": turns Web Push on or off for this browser and this
 * sign-in, and says plainly why it cannot when it cannot (no support, permission blocked, the
 * browser's push service out of reach).
 */
export function PushOnThisDevice() {
  const t = useT();
  const headingId = useId();
  const push = usePushOnThisDevice();
  const failure = push.enable.error ?? push.disable.error;
  const problem = failure instanceof PushProblem ? failure : push.workerProblem;
  const apiError =
    failure instanceof PushProblem ? push.serverError : (failure ?? push.serverError);
  const blocked = push.permission === 'denied';

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t('push.title')}
      </h2>
      <p className="muted">{t('push.intro')}</p>
      {push.support === 'unsupported' && (
        <p className="message message-info">{t('push.unsupported')}</p>
      )}
      {push.support === 'insecure' && <p className="message message-info">{t('push.insecure')}</p>}
      {push.support === 'supported' && (
        <div className="stack">
          <dl className="field-list">
            <div className="field-list-row">
              <dt>{t('push.state')}</dt>
              <dd className="strong">
                {push.checking
                  ? t('push.state.checking')
                  : push.on
                    ? t('push.state.on')
                    : t('push.state.off')}
              </dd>
            </div>
            <div className="field-list-row">
              <dt>{t('push.permission')}</dt>
              <dd>{t(`push.permission.${push.permission}`)}</dd>
            </div>
          </dl>
          {problem && <Problem problem={problem} />}
          {!problem && blocked && !push.on && (
            <p className="message message-info">{t('push.denied')}</p>
          )}
          {push.unsaved && !problem && <p className="message message-info">{t('push.unsaved')}</p>}
          <ErrorMessage error={apiError} />
          <div className="form-actions">
            {push.on ? (
              <Button
                variant="secondary"
                pending={push.disable.isPending}
                onClick={() => push.disable.mutate()}
              >
                {push.disable.isPending ? t('push.disabling') : t('push.disable')}
              </Button>
            ) : (
              <Button
                variant="primary"
                pending={push.enable.isPending}
                disabled={push.checking || !!push.workerProblem}
                onClick={() => push.enable.mutate()}
              >
                {push.enable.isPending ? t('push.enabling') : t('push.enable')}
              </Button>
            )}
            <SuccessMessage>
              {(push.enable.isSuccess && push.on && t('push.enabled')) ||
                (push.disable.isSuccess && !push.on && t('push.disabled'))}
            </SuccessMessage>
          </div>
        </div>
      )}
    </section>
  );
}
