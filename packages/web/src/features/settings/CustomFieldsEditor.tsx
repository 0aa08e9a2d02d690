import { ACCOUNT_LIMITS } from '@rapport/schema/limits';
import { useId } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { CloseIcon, PlusIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import type { CustomField } from './profile-form';

/** Up to four label/value pairs of the person's own (pronouns, team, phone...). */
export function CustomFieldsEditor({
  fields,
  onChange,
  errorFor,
}: {
  fields: CustomField[];
  onChange: (fields: CustomField[]) => void;
  errorFor: (field: string, label: string) => string | undefined;
}) {
  const t = useT();
  const headingId = useId();
  const update = (index: number, change: Partial<CustomField>) =>
    onChange(fields.map((field, i) => (i === index ? { ...field, ...change } : field)));
  const listError = errorFor('fields_attributes', t('settings.profile.fields'));

  return (
    <fieldset className="fieldset" aria-describedby={`${headingId}-hint`}>
      <legend className="fieldset-legend">{t('settings.profile.fields')}</legend>
      <p id={`${headingId}-hint`} className="field-hint">
        {t('settings.profile.fieldsHint', { max: ACCOUNT_LIMITS.customFields })}
      </p>
      {listError && <p className="field-error">{listError}</p>}
      {fields.map((field, index) => {
        const number = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; the server numbers them the same way
          <div className="custom-field-row" key={index}>
            <TextField
              label={t('settings.profile.fieldName', { number })}
              value={field.name}
              onValueChange={(name) => update(index, { name })}
              maxLength={ACCOUNT_LIMITS.fieldName}
              error={errorFor(
                `fields_attributes.${index}.name`,
                t('settings.profile.fieldName', { number }),
              )}
            />
            <TextField
              label={t('settings.profile.fieldValue', { number })}
              value={field.value}
              onValueChange={(value) => update(index, { value })}
              maxLength={ACCOUNT_LIMITS.fieldValue}
              error={errorFor(
                `fields_attributes.${index}.value`,
                t('settings.profile.fieldValue', { number }),
              )}
            />
            <Button
              variant="ghost"
              className="icon-button custom-field-remove"
              aria-label={t('settings.profile.fieldRemove', { number })}
              onClick={() => onChange(fields.filter((_, i) => i !== index))}
              icon={<CloseIcon size={18} />}
            />
          </div>
        );
      })}
      {fields.length < ACCOUNT_LIMITS.customFields && (
        <Button
          size="sm"
          icon={<PlusIcon size={16} />}
          onClick={() => onChange([...fields, { name: '', value: '' }])}
        >
          {t('settings.profile.fieldAdd')}
        </Button>
      )}
    </fieldset>
  );
}
