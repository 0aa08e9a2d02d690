import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/errors';
import { en } from '../i18n/en';
import { createTranslator } from '../i18n/translate';
import { errorText, problemText } from './error-text';

const { t } = createTranslator('en', en, en);

describe('errorText', () => {
  it('explains known codes in the app’s words', () => {
    const error = new ApiRequestError(401, 'invalid_credentials', 'Invalid login or password');
    expect(errorText(t, error)).toBe(en['errors.invalidCredentials']);
    expect(errorText(t, new ApiRequestError(0, 'network_error', 'Failed to fetch'))).toBe(
      en['errors.network'],
    );
  });

  it('summarises field problems shown next to their fields', () => {
    const error = new ApiRequestError(
      422,
      'validation_failed',
      'Validation failed: Username is taken',
      {
        username: ['is taken'],
      },
    );
    expect(errorText(t, error, ['username', 'email'])).toBe(en['errors.formSummary']);
    expect(errorText(t, error, ['email'])).toBe('Validation failed: Username is taken');
  });

  it('uses the server message otherwise, and a generic one for non-API errors', () => {
    expect(
      errorText(t, new ApiRequestError(422, 'conflict', 'You cannot change your own role')),
    ).toBe('You cannot change your own role');
    expect(errorText(t, new TypeError('x'))).toBe(en['errors.unexpected']);
  });
});

describe('problemText', () => {
  it('turns server fragments into sentences that name the field', () => {
    expect(problemText(t, 'Password', ['is too common', 'must be at least 8 characters'])).toBe(
      'Password is too common. Password must be at least 8 characters.',
    );
    expect(problemText(t, 'Email', [])).toBe('');
  });
});
