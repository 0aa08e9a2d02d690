/**
 * Sizes the server enforces. Kept free of zod so the web app can import them (as
 * `@rapport/schema/limits`) without bundling the validation library.
 */
export const ACCOUNT_LIMITS = {
  username: 30,
  displayName: 100,
  note: 1000,
  title: 100,
  department: 100,
  location: 100,
  skills: 20,
  skill: 40,
  customFields: 4,
  fieldName: 255,
  fieldValue: 255,
  passwordMin: 8,
  passwordMax: 256,
  email: 254,
  avatarBytes: 4 * 1024 * 1024,
  avatarDescription: 1500,
} as const;
