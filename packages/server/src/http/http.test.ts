import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { api } from '../../test/http';
import { rowCounts } from '../../test/state';
import { buildApp } from '../app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('bad requests', () => {
  it('malformed JSON: 400 malformed_body, nothing stored', async () => {
    const before = await rowCounts(t.ctx);
    const res = await api(t.app).post('/api/v1/apps', '{"client_name": "x",', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'The request body is not valid JSON',
      code: 'malformed_body',
    });
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('an unsupported content type: 415', async () => {
    const before = await rowCounts(t.ctx);
    const res = await api(t.app).post('/api/v1/apps', '<app/>', {
      'content-type': 'application/xml',
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('a body over 1 MB: 413', async () => {
    const before = await rowCounts(t.ctx);
    const res = await api(t.app).post('/api/v1/apps', {
      client_name: 'x'.repeat(1024 * 1024 + 1),
      redirect_uris: 'urn:ietf:wg:oauth:2.0:oob',
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('wrong types: 422 with details naming each field', async () => {
    const before = await rowCounts(t.ctx);
    const res = await api(t.app).post('/api/v1/apps', {
      client_name: 42,
      redirect_uris: [7],
      scopes: ['read'],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys(res.body.details).sort()).toEqual([
      'client_name',
      'redirect_uris.0',
      'scopes',
    ]);
    expect(res.body.error).toMatch(/^Validation failed: Client name /);
    expect(await rowCounts(t.ctx)).toEqual(before);
  });

  it('a bad query string: 400 naming the parameter', async () => {
    const { token } = await createAccountWithToken(t.ctx, { role: 'admin' });
    const res = await api(t.app, token).get('/api/rapport/v1/admin/accounts?role=owner&limit=500');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_request');
    expect(Object.keys(res.body.details).sort()).toEqual(['limit', 'role']);
    expect(res.body.error).toMatch(/^Invalid parameters: /);
  });

  it('a malformed path id is a 404', async () => {
    const { token } = await createAccountWithToken(t.ctx);
    const res = await api(t.app, token).get('/api/v1/accounts/not-an-id');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Record not found', code: 'not_found' });
  });

  it('a malformed Authorization header is a 401, never a 500', async () => {
    const res = await api(t.app).get('/api/v1/accounts/verify_credentials', {
      authorization: 'Bearer',
    });
    expect(res.status).toBe(401);
  });
});

describe('routes that do not exist', () => {
  it('unknown API paths get a JSON 404, whatever the method', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing'],
      ['GET', '/api/v1/nothing?x=1'],
      ['POST', '/api/rapport/v1/nothing'],
      ['GET', '/oauth/token'],
      ['GET', '/media/avatars/none.png'],
      ['DELETE', '/people'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error: 'Not found', code: 'not_found' });
    }
  });

  it('web app paths answer 503 text while the web app is not built', async () => {
    for (const url of ['/', '/people', '/oauth/authorize?client_id=x', '/setup/abc']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toMatch(/npm run build/);
    }
  });

  it('GET /health answers 200', async () => {
    const res = await api(t.app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('security headers', () => {
  const directives = (header: unknown) =>
    new Map(
      String(header)
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .filter((words) => words[0])
        .map(([name, ...values]) => [name as string, values]),
    );

  it('every kind of response carries a strict CSP, nosniff and no framing', async () => {
    const responses = await Promise.all(
      [
        '/health',
        '/api/v1/instance',
        '/api/nothing',
        '/people',
        '/api/openapi.json',
        '/api/v1/accounts/verify_credentials',
        '/avatars/original/missing.png',
      ].map((url) => t.app.inject({ method: 'GET', url })),
    );
    for (const res of responses) {
      const csp = directives(res.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(String(res.headers['content-security-policy'])).not.toMatch(
        /unsafe-inline|unsafe-eval/,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('allows the streaming WebSocket of this server only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('connect-src')).toEqual(["'self'", `ws://${new URL(t.url).host}`]);
  });
});

describe('CORS', () => {
  const preflight = (url: string, method = 'GET') =>
    t.app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin: 'https://elk.example',
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization',
      },
    });

  it('API routes answer preflights for any origin, without credentials', async () => {
    for (const [url, method] of [
      ['/api/v1/accounts/verify_credentials', 'GET'],
      ['/api/v1/apps', 'POST'],
      ['/oauth/token', 'POST'],
      ['/api/v2/instance', 'GET'],
      ['/api/v1/accounts/update_credentials', 'PATCH'],
      ['/api/v1/statuses/1', 'DELETE'],
    ] as const) {
      const res = await preflight(url, method);
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(res.headers['access-control-allow-methods']).split(/,\s*/)).toContain(method);
      expect(res.headers['access-control-max-age']).toBe('600');
      expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain(
        'authorization',
      );
    }
    const real = await t.app.inject({
      method: 'GET',
      url: '/api/v1/instance',
      headers: { origin: 'https://elk.example' },
    });
    expect(real.headers['access-control-allow-origin']).toBe('*');
    expect(String(real.headers['access-control-expose-headers'])).toContain('Link');
  });

  it('cookie routes of the web app allow no other origin', async () => {
    for (const url of [
      '/api/rapport/v1/session',
      '/api/rapport/v1/registrations',
      '/oauth/authorize',
    ]) {
      const res = await preflight(url, 'POST');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
    const real = await t.app.inject({
      method: 'GET',
      url: '/api/rapport/v1/server',
      headers: { origin: 'https://evil.example' },
    });
    expect(real.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('route declarations', () => {
  it('an API route without config.auth stops the server from starting', async () => {
    for (const url of ['/api/v1/unguarded', '/oauth/unguarded', '/api/rapport/v1/unguarded']) {
      const app = await buildApp(t.ctx);
      try {
        const register = async () => {
          app.get(url, async () => ({ open: true }));
          await app.ready();
        };
        await expect(register()).rejects.toThrow(`Route GET ${url} must declare config.auth`);
      } finally {
        await app.close().catch(() => {});
      }
    }
  });

  it('a route outside /api and /oauth needs no declaration', async () => {
    const app = await buildApp(t.ctx);
    try {
      app.get('/robots.txt', async () => 'User-agent: *');
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/robots.txt' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document listing the main paths', async () => {
    const res = await api(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Rapport API', version: expect.any(String) });
    expect(doc.servers).toEqual([{ url: t.url }]);
    for (const [route, method] of [
      ['/api/v1/apps', 'post'],
      ['/oauth/token', 'post'],
      ['/api/v1/accounts/verify_credentials', 'get'],
      ['/api/v1/accounts/update_credentials', 'patch'],
      ['/api/rapport/v1/admin/accounts', 'get'],
      ['/api/rapport/v1/admin/accounts/{id}', 'patch'],
      ['/api/rapport/v1/people', 'get'],
    ]) {
      expect(doc.paths[route as string]?.[method as string], `${method} ${route}`).toBeDefined();
    }
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
    expect(doc.paths['/health']).toBeUndefined();

    // Checked against the OpenAPI Initiative's own JSON Schema for 3.1 documents. Ajv does not
    // follow its `$dynamicRef: #meta` to the Schema Object definition, so it is pointed there.
    const schema = JSON.parse(
      fs
        .readFileSync(
          path.join(import.meta.dirname, '../../test/fixtures/openapi-3.1.schema.json'),
          'utf8',
        )
        .replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'),
    );
    const validate = new Ajv2020({
      strict: false,
      validateFormats: false,
      allErrors: true,
    }).compile(schema);
    const valid = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does reject a broken document.
    expect(validate({ ...doc, paths: { '/x': { get: { responses: { 200: {} } } } } })).toBe(false);
  });
});
