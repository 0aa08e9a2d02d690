import type { ModerationAction, ModerationReport } from '@rapport/schema';
import { REPORT_LIMITS } from '@rapport/schema/limits';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { actOnReport } from '../../api/moderation';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { TextAreaField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { useFieldErrors } from '../../components/use-field-errors';
import { useT } from '../../i18n/I18nProvider';
import { ChoiceGroup } from './ChoiceGroup';
import {
  charactersLeft,
  needsConfirmation,
  offeredActions,
  reasonRequired,
} from './moderation-rules';

/**
 * The decision on an open report: one of the actions this moderator may take, and the
 * reason the author will read (not needed to dismiss). Removing and suspending are asked
 * twice, showing the reason once more.
 */
export function ReportActionForm({
  report,
  onDone,
}: {
  report: ModerationReport;
  onDone: (updated: ModerationReport) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [action, setAction] = useState<ModerationAction | null>(null);
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const name = report.target_account.display_name || report.target_account.username;
  const offered = offeredActions(report);

  const act = useMutation({
    mutationFn: (chosen: ModerationAction) =>
      actOnReport(report.id, { action: chosen, ...(reason.trim() ? { reason } : {}) }),
    onSuccess: (updated) => {
      setConfirming(false);
      queryClient.setQueryData(queryKeys.report(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.moderation });
      // A hidden or removed status leaves every list; a suspended account shows as such.
      void queryClient.invalidateQueries({ queryKey: queryKeys.statuses });
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      onDone(updated);
    },
  });
  const fieldError = useFieldErrors(act.error, clientErrors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!action) errors.action = t('moderation.act.actionRequired');
    else if (reasonRequired(action) && !reason.trim()) {
      errors.reason = t('moderation.act.reasonRequired');
    }
    setClientErrors(errors);
    if (!action || Object.keys(errors).length > 0) {
      focusFirstInvalid(form.current);
      return;
    }
    act.reset();
    if (needsConfirmation(action)) setConfirming(true);
    else act.mutate(action);
  };

  if (offered.length === 0) return <p className="muted">{t('moderation.act.cannot')}</p>;
  const told = action === null || reasonRequired(action);
  const reasonLabel = told ? t('moderation.act.reason') : t('moderation.act.note');
  const left = charactersLeft(reason, REPORT_LIMITS.reason);

  return (
    <section className="card report-decision" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t('moderation.act.title')}
      </h2>
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <ChoiceGroup
          legend={t('moderation.act.action')}
          name="action"
          value={action}
          onChange={(value) => {
            setAction(value);
            setClientErrors({});
          }}
          error={clientErrors.action}
          choices={offered.map((value) => ({
            value,
            label: t(`moderation.act.${value}`),
            hint: t(`moderation.act.${value}Hint`),
          }))}
        />
        <TextAreaField
          label={reasonLabel}
          optional={!told}
          rows={4}
          maxLength={REPORT_LIMITS.reason}
          value={reason}
          onValueChange={(value) => {
            setReason(value);
            if (clientErrors.reason) setClientErrors({});
          }}
          error={fieldError('reason', reasonLabel)}
          hint={
            <>
              {told ? t('moderation.act.reasonHint') : t('moderation.act.noteHint')}{' '}
              <span className="character-count">
                {t('moderation.report.charactersLeft', { count: left })}
              </span>
            </>
          }
        />
        <ErrorMessage error={confirming ? null : act.error} shownFields={['reason']} />
        <div className="form-actions">
          <Button
            type="submit"
            variant={action === 'remove' || action === 'suspend' ? 'danger' : 'primary'}
            pending={act.isPending && !confirming}
          >
            {t(`moderation.act.submit.${action ?? 'none'}`)}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={
          action === 'suspend'
            ? t('moderation.act.confirmSuspendTitle', { name })
            : t('moderation.act.confirmRemoveTitle')
        }
        confirmLabel={
          action === 'suspend'
            ? t('moderation.act.confirmSuspend')
            : t('moderation.act.confirmRemove')
        }
        danger
        pending={act.isPending}
        error={act.error}
        onCancel={() => {
          act.reset();
          setConfirming(false);
        }}
        onConfirm={() => action && act.mutate(action)}
      >
        <p>
          {action === 'suspend'
            ? t('moderation.act.confirmSuspendBody', { reason: reason.trim() })
            : t('moderation.act.confirmRemoveBody', { name, reason: reason.trim() })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
