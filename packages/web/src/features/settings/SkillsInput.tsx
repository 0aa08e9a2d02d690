import { ACCOUNT_LIMITS } from '@rapport/schema/limits';
import { type ClipboardEvent, type KeyboardEvent, useId, useState } from 'react';
import { CloseIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { addSkills } from './skills';

/**
 * Skills as chips: Enter or a comma adds what was typed, Backspace in the empty box removes
 * the last chip, and every chip has its own remove button.
 */
export function SkillsInput({
  skills,
  onChange,
  error,
}: {
  skills: string[];
  onChange: (skills: string[]) => void;
  error?: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const full = skills.length >= ACCOUNT_LIMITS.skills;

  const commit = (value: string) => {
    if (!value.trim()) return;
    const next = addSkills(skills, value);
    setText('');
    if (next.length !== skills.length) {
      onChange(next);
      setAnnouncement(t('settings.profile.skillsCount', { count: next.length }));
    }
  };

  const remove = (skill: string) => {
    const next = skills.filter((item) => item !== skill);
    onChange(next);
    setAnnouncement(t('settings.profile.skillsCount', { count: next.length }));
    document.getElementById(`${id}-input`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Backspace' && text === '' && skills.length > 0) {
      event.preventDefault();
      remove(skills[skills.length - 1] as string);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!pasted.includes(',')) return;
    event.preventDefault();
    commit(`${text}${pasted}`);
  };

  const describedBy = [error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={`${id}-input`} className="field-label">
        {t('settings.profile.skills')}
      </label>
      <div className="chip-input">
        {skills.length > 0 && (
          <ul className="chip-list">
            {skills.map((skill) => (
              <li key={skill} className="chip">
                <span>{skill}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('settings.profile.skillsRemove', { skill })}
                  onClick={() => remove(skill)}
                >
                  <CloseIcon size={14} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={`${id}-input`}
          className="chip-input-field"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => commit(text)}
          placeholder={full ? '' : t('settings.profile.skillsAdd')}
          disabled={full && text === ''}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          maxLength={ACCOUNT_LIMITS.skill}
          autoComplete="off"
        />
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {full
          ? t('settings.profile.skillsFull', { max: ACCOUNT_LIMITS.skills })
          : t('settings.profile.skillsHint', { max: ACCOUNT_LIMITS.skills })}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
