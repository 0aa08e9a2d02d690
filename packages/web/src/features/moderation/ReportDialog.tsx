import type { Account, ReportCategory, Status } from '@rapport/schema';
import { REPORT_LIMITS } from '@rapport/schema/limits';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { fileReport } from '../../api/moderation';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { Modal } from '../../components/Modal';
import { RichText } from '../../components/RichText';
import { useT } from '../../i18n/I18nProvider';
import { ChoiceGroup } from './ChoiceGroup';
import { charactersLeft, REPORT_CATEGORIES } from './moderation-rules';

/** The status being reported, as a short quote the reporter can check. */
function StatusQuote({ status }: { status: Status }) {
  const t = useT();
  return (
    <figure className="report-quote">
      <figcaption className="field-label">{t('moderation.report.statusIncluded')}</figcaption>
      {status.spoiler_text ? (
        <p className="report-quote-text">
          {t('moderation.status.warning', { text: status.spoiler_text })}
        </p>
      ) : (
        <RichText className="rich-text report-quote-text" html={status.content} />
      )}
    </figure>
  );
}

/**
 * Reporting an account, or one of its statuses, to the moderators: what the problem is,
 * optional details, and a clear answer once it is sent.
 */
export function ReportDialog({
  account,
  status,
  onClose,
}: {
  account: Account;
  status?: Status;
  onClose: () => void;
}) {
  const t = useT();
  const name = account.display_name || account.username;
  const form = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [comment, setComment] = useState('');
  const [missingCategory, setMissingCategory] = useState(false);
  const report = useMutation({
    mutationFn: (chosen: ReportCategory) =>
      fileReport({
        account_id: account.id,
        ...(status ? { status_ids: [status.id] } : {}),
        category: chosen,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
  });
  const sent = report.isSuccess;

  // The form (and the button that had the focus) is gone: the focus goes to the way out.
  useEffect(() => {
    if (sent) done.current?.focus();
  }, [sent]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!category) {
      setMissingCategory(true);
      focusFirstInvalid(form.current);
      return;
    }
    report.mutate(category);
  };

  const left = charactersLeft(comment, REPORT_LIMITS.comment);
  return (
    <Modal
      open
      wide
      title={
        status
          ? t('moderation.report.statusTitle', { name })
          : t('moderation.report.accountTitle', { name })
      }
      onClose={onClose}
      initialFocus={sent ? undefined : 'input[type="radio"]'}
    >
      {sent ? (
        <div className="report-sent" role="status">
          <p className="report-sent-title">{t('moderation.report.sentTitle')}</p>
          <p className="muted">{t('moderation.report.sentBody', { name })}</p>
          <div className="dialog-actions">
            <Button ref={done} variant="primary" onClick={onClose}>
              {t('moderation.report.done')}
            </Button>
          </div>
        </div>
      ) : (
        <form ref={form} className="form report-form" onSubmit={submit} noValidate>
          <p className="muted">{t('moderation.report.intro', { name })}</p>
          {status && <StatusQuote status={status} />}
          <ChoiceGroup
            legend={t('moderation.report.category')}
            name="category"
            value={category}
            onChange={(value) => {
              setCategory(value);
              setMissingCategory(false);
            }}
            error={missingCategory ? t('moderation.report.categoryRequired') : undefined}
            choices={REPORT_CATEGORIES.map((value) => ({
              value,
              label: t(`moderation.report.category.${value}`),
              hint: t(`moderation.report.category.${value}Hint`),
            }))}
          />
          <TextAreaField
            label={t('moderation.report.comment')}
            optional
            rows={4}
            maxLength={REPORT_LIMITS.comment}
            value={comment}
            onValueChange={setComment}
            hint={
              <>
                {t('moderation.report.commentHint')}{' '}
                <span className="character-count">
                  {t('moderation.report.charactersLeft', { count: left })}
                </span>
              </>
            }
          />
          <ErrorMessage error={report.error} />
          <div className="dialog-actions">
            <Button onClick={onClose} disabled={report.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" pending={report.isPending}>
              {report.isPending ? t('moderation.report.sending') : t('moderation.report.submit')}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
