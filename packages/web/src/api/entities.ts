import type {
  Context as ContextSchema,
  StatusEdit as StatusEditSchema,
  StatusSource as StatusSourceSchema,
} from '@rapport/schema';
import type { z } from 'zod';

/*
 * Entities the schema package exports only as zod schemas. Type-only imports: inferring the
 * type costs nothing at run time, so the web bundle stays free of zod.
 */
export type Context = z.infer<typeof ContextSchema>;
export type StatusEdit = z.infer<typeof StatusEditSchema>;
export type StatusSource = z.infer<typeof StatusSourceSchema>;
