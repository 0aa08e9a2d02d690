import type { Translate } from '../../i18n';

/** What a new status sends to be a question. */
export const QUESTION_KIND = { kind: 'question' } as const;

/** The compose box's words while it asks a question; null while it posts a status. */
export function questionMessages(t: Translate, asking: boolean) {
  if (!asking) return null;
  return {
    label: t('questions.composeLabel'),
    placeholder: t('questions.composePlaceholder'),
    submit: t('questions.ask'),
    pending: t('questions.asking'),
    done: t('questions.asked'),
  };
}
