import type { ACCOUNT_LIMITS as SCHEMA_LIMITS } from '@rapport/schema';

/**
 * The schema package's ACCOUNT_LIMITS, copied so the bundle does not pull in zod for a few
 * numbers. `satisfies typeof` the original makes any drift a compile error.
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
} as const satisfies typeof SCHEMA_LIMITS;
