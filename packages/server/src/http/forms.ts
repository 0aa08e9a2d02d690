import formbody from '@fastify/formbody';
import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import type { UploadedFile } from '@rapport/schema';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors';

/** The largest single upload the server reads at all; features set tighter limits. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Nested = { [key: string]: unknown };

/**
 * Rails-style bracket keys, as Mastodon apps send them, to nested values:
 * `source[privacy]=private`, `fields_attributes[0][name]=Team`, `id[]=1&id[]=2`.
 */
export function nestFields(entries: Iterable<[string, unknown]>): Nested {
  const root: Nested = {};
  for (const [key, value] of entries) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    const path = match
      ? [
          match[1] as string,
          ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string),
        ]
      : [key];
    if (path.length > 6 || path.some((part) => FORBIDDEN_KEYS.has(part))) continue;
    let node: Nested = root;
    for (let i = 0; i < path.length; i++) {
      const part = path[i] as string;
      const last = i === path.length - 1;
      const nextIsList = path[i + 1] === '';
      if (part === '') break; // handled by the parent as a list push
      if (last) {
        const existing = node[part];
        if (existing === undefined) node[part] = value;
        else node[part] = Array.isArray(existing) ? [...existing, value] : [existing, value];
      } else if (nextIsList && i + 1 === path.length - 1) {
        const list = Array.isArray(node[part]) ? (node[part] as unknown[]) : [];
        list.push(value);
        node[part] = list;
        break;
      } else {
        const child = node[part];
        if (typeof child !== 'object' || child === null || Array.isArray(child)) node[part] = {};
        node = node[part] as Nested;
      }
    }
  }
  return root;
}

type Part = (MultipartFile | MultipartValue) & { value?: unknown };

/** Bodies arrive as JSON, urlencoded forms or multipart forms; handlers see one shape. */
export const formsPlugin = fp(async (app: FastifyInstance) => {
  await app.register(formbody, {
    bodyLimit: 1024 * 1024,
    parser: (body) => nestFields(new URLSearchParams(body).entries()),
  });
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: {
      fileSize: MAX_UPLOAD_BYTES,
      files: 10,
      fields: 200,
      fieldSize: 100 * 1024,
      parts: 210,
    },
    async onFile(part) {
      const file: UploadedFile = {
        filename: part.filename,
        mimetype: part.mimetype,
        data: new Uint8Array(await part.toBuffer()),
      };
      (part as Part).value = file;
    },
  });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart() || typeof request.body !== 'object' || request.body === null) return;
    const entries: Array<[string, unknown]> = [];
    for (const [key, parts] of Object.entries(request.body as Record<string, Part | Part[]>)) {
      for (const part of Array.isArray(parts) ? parts : [parts]) entries.push([key, part.value]);
    }
    request.body = nestFields(entries);
  });
});

/**
 * For routes that sign someone in without a session yet (sign-in, sign-up, setup): only
 * JSON, which a page on another site cannot send without a CORS preflight, so these forms
 * cannot be forged cross-site (login CSRF).
 */
export async function jsonOnly(request: FastifyRequest): Promise<void> {
  if (!request.headers['content-type']?.toLowerCase().startsWith('application/json')) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'This endpoint accepts application/json only',
    );
  }
}
