import { describe, expect, it } from 'vitest';
import { ApiRequestError, fieldProblems, isApiError, parseApiError } from './errors';

describe('parseApiError', () => {
  it('reads the message, code and field details', () => {
    const error = parseApiError(422, {
      error: 'Validation failed: Username is taken',
      code: 'validation_failed',
      details: { username: ['is taken'], 'fields_attributes.0.name': ['is too long'] },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Validation failed: Username is taken');
    expect(fieldProblems(error, 'username')).toEqual(['is taken']);
    expect(fieldProblems(error, 'fields_attributes.0.name')).toEqual(['is too long']);
    expect(fieldProblems(error, 'email')).toEqual([]);
  });

  it('prefers the OAuth error_description', () => {
    const error = parseApiError(400, {
      error: 'invalid_request',
      code: 'invalid_request',
      error_description: 'redirect_uri is not registered',
    });
    expect(error.message).toBe('redirect_uri is not registered');
  });

  it('derives a code from the status when the body is not JSON', () => {
    expect(parseApiError(502, 'Bad gateway').code).toBe('internal');
    expect(parseApiError(401, null).code).toBe('unauthorized');
    expect(parseApiError(418, undefined).code).toBe('unexpected_response');
  });

  it('ignores malformed details', () => {
    const error = parseApiError(422, {
      error: 'x',
      code: 'validation_failed',
      details: { a: 'not a list', b: [1, 2], c: ['ok'] },
    });
    expect(error.details).toEqual({ c: ['ok'] });
  });
});

describe('isApiError', () => {
  it('matches a code when one is given', () => {
    const error = new ApiRequestError(401, 'invalid_credentials', 'nope');
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 'invalid_credentials')).toBe(true);
    expect(isApiError(error, 'unauthorized')).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
  });
});
