import { MAX_RELATIONSHIP_NOTE, type RelationshipCard } from '@rapport/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorMessage, SuccessMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { useFieldErrors } from '../../components/use-field-errors';
import { useT } from '../../i18n/I18nProvider';
import { networkKeys, updateRelationship } from './network-api';
import {
  MAX_REMINDER_DAYS,
  MIN_REMINDER_DAYS,
  REMINDER_CHOICES,
  type ReminderChoice,
  reminderChoice,
  reminderDays,
} from './reminders';

const REMINDER_LABEL = {
  off: 'network.card.reminder.off',
  '14': 'network.card.reminder.14',
  '30': 'network.card.reminder.30',
  '90': 'network.card.reminder.90',
  custom: 'network.card.reminder.custom',
} as const;

/**
 * The viewer's private part of the card: how they met, how often to be reminded, and the
 * two marks, which count only when both people set them (the server never says who did).
 */
export function RelationshipForm({
  card,
  name,
  accountId,
}: {
  card: RelationshipCard;
  name: string;
  accountId: string;
}) {
  const t = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(card.note);
  const [choice, setChoice] = useState<ReminderChoice>(reminderChoice(card.remind_every_days));
  const [custom, setCustom] = useState(
    card.remind_every_days === null ? '' : String(card.remind_every_days),
  );
  const [trusted, setTrusted] = useState(card.trusted);
  const [close, setClose] = useState(card.close);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    // Only what changed is sent: an unchanged mark need not re-summarise the pair.
    mutationFn: (days: number | null) =>
      updateRelationship(accountId, {
        ...(note !== card.note ? { note } : {}),
        ...(days !== card.remind_every_days ? { remind_every_days: days } : {}),
        ...(trusted !== card.trusted ? { trusted } : {}),
        ...(close !== card.close ? { close } : {}),
      }),
    onSuccess: (answer) => {
      queryClient.setQueryData(networkKeys.card(accountId), answer);
      // The lists show stages and reminders that may have changed with the marks.
      void queryClient.invalidateQueries({ queryKey: networkKeys.lists });
      void queryClient.invalidateQueries({ queryKey: networkKeys.nudges });
    },
  });
  const errorFor = useFieldErrors(save.error, clientErrors);
  const edited = () => {
    if (save.isSuccess || save.isError) save.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const days = reminderDays(choice, custom);
    if (!days.ok) {
      setClientErrors({
        remind_every_days:
          days.problem === 'whole'
            ? t('network.card.reminderWhole')
            : t('network.card.reminderRange', { min: MIN_REMINDER_DAYS, max: MAX_REMINDER_DAYS }),
      });
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setClientErrors({});
    save.mutate(days.days);
  };

  const reminderLabel = t('network.card.reminder');
  const daysLabel = t('network.card.reminderDays');
  const daysError = errorFor('remind_every_days', daysLabel);
  return (
    <form className="form relationship-form" onSubmit={submit} noValidate>
      <h3 className="relationship-panel-subtitle">{t('network.card.private')}</h3>
      <p className="muted small">{t('network.card.privateHint', { name })}</p>
      <TextAreaField
        label={t('network.card.note')}
        hint={t('network.card.noteHint')}
        value={note}
        onValueChange={(value) => {
          setNote(value);
          edited();
        }}
        maxLength={MAX_RELATIONSHIP_NOTE}
        rows={3}
        error={errorFor('note', t('network.card.note'))}
      />
      <div className="reminder-fields">
        <SelectField
          label={reminderLabel}
          value={choice}
          onValueChange={(value) => {
            setChoice(value as ReminderChoice);
            setClientErrors({});
            edited();
          }}
          options={REMINDER_CHOICES.map((each) => ({
            value: each,
            label: t(REMINDER_LABEL[each]),
          }))}
          error={choice === 'custom' ? undefined : daysError}
        />
        {choice === 'custom' && (
          <TextField
            label={daysLabel}
            value={custom}
            onValueChange={(value) => {
              setCustom(value);
              setClientErrors({});
              edited();
            }}
            inputMode="numeric"
            className="reminder-days"
            error={daysError}
          />
        )}
      </div>
      <fieldset className="relationship-marks" aria-describedby={`${id}-marks-hint`}>
        <legend className="field-label">{t('network.card.marks')}</legend>
        <p id={`${id}-marks-hint`} className="field-hint">
          {t('network.card.marksHint', { name })}
        </p>
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={trusted}
            onChange={(event) => {
              setTrusted(event.target.checked);
              edited();
            }}
          />
          <span>
            {t('network.card.trusted')}
            {card.mutual_trusted && (
              <span className="mutual-mark small"> {t('network.mutualTrusted')}</span>
            )}
          </span>
        </label>
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={close}
            onChange={(event) => {
              setClose(event.target.checked);
              edited();
            }}
          />
          <span>
            {t('network.card.close')}
            {card.mutual_close && (
              <span className="mutual-mark small"> {t('network.mutualClose')}</span>
            )}
          </span>
        </label>
      </fieldset>
      <ErrorMessage error={save.error} shownFields={['note', 'remind_every_days']} />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={save.isPending}>
          {save.isPending ? t('common.saving') : t('network.card.save')}
        </Button>
      </div>
      <SuccessMessage>{save.isSuccess && t('network.card.saved')}</SuccessMessage>
    </form>
  );
}
