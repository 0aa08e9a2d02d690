import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, formBody } from '../../../test/http';
import { accountRow, rowCounts } from '../../../test/state';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const UPDATE = '/api/v1/accounts/update_credentials';

describe('GET /api/v1/accounts/verify_credentials', () => {
  it('returns the Mastodon CredentialAccount with Rapport’s attributes', async () => {
    const { account, token } = await createAccountWithToken(t.ctx, {
      username: 'vera',
      email: 'vera@example.com',
      displayName: 'Vera Lynn',
      profile: {
        title: 'Engineer',
        department: 'Platform',
        location: 'Lyon',
        skills: JSON.stringify(['Go', 'SQL']),
        bio: 'Hello\n\nhttps://example.com',
      },
    });
    const res = await api(t.app, token).get('/api/v1/accounts/verify_credentials');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: String(account.id),
      username: 'vera',
      acct: 'vera',
      display_name: 'Vera Lynn',
      url: `${t.url}/@vera`,
      uri: `${t.url}/@vera`,
      avatar: `${t.url}/avatars/original/missing.png`,
      header: `${t.url}/headers/original/missing.png`,
      locked: false,
      bot: false,
      group: false,
      emojis: [],
      statuses_count: 0,
      followers_count: 0,
      following_count: 0,
      roles: [],
      title: 'Engineer',
      department: 'Platform',
      location: 'Lyon',
      skills: ['Go', 'SQL'],
      rapport_role: 'member',
      email: 'vera@example.com',
      locale: 'en',
      role: { id: '-99', name: '', permissions: '0', highlighted: false },
      source: {
        note: 'Hello\n\nhttps://example.com',
        privacy: 'public',
        sensitive: false,
        language: '',
        follow_requests_count: 0,
      },
    });
    expect(res.body.note).toMatch(/^<p>Hello<\/p><p><a href="https:\/\/example.com"/);
    expect(new Date(res.body.created_at).toISOString()).toBe(res.body.created_at);
    expect(res.body.fields).toEqual([
      { name: 'Title', value: 'Engineer', verified_at: null },
      { name: 'Department', value: 'Platform', verified_at: null },
      { name: 'Location', value: 'Lyon', verified_at: null },
      { name: 'Skills', value: 'Go, SQL', verified_at: null },
    ]);
    expect(res.body.source.fields.map((field: { name: string }) => field.name)).toEqual([
      'Title',
      'Department',
      'Location',
      'Skills',
    ]);
    expect(res.text).not.toContain('password');
  });

  it('lists only the attributes that are set, and shows admin and guest badges', async () => {
    const admin = await createAccountWithToken(t.ctx, {
      role: 'admin',
      profile: { location: 'Oslo' },
    });
    const me = await api(t.app, admin.token).get('/api/v1/accounts/verify_credentials');
    expect(me.body.fields).toEqual([{ name: 'Location', value: 'Oslo', verified_at: null }]);
    expect(me.body.roles).toEqual([{ id: '3', name: 'Admin', color: '' }]);
    expect(me.body.role).toMatchObject({ name: 'Admin', permissions: '1', highlighted: true });
    const guest = await createAccountWithToken(t.ctx, { role: 'guest' });
    const them = await api(t.app, guest.token).get('/api/v1/accounts/verify_credentials');
    expect(them.body.fields).toEqual([]);
    expect(them.body.rapport_role).toBe('guest');
    expect(them.body.roles).toEqual([{ id: '-98', name: 'Guest', color: '' }]);
  });

  it('needs a token', async () => {
    const res = await api(t.app).get('/api/v1/accounts/verify_credentials');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'The access token is invalid', code: 'unauthorized' });
  });
});

describe('PATCH /api/v1/accounts/update_credentials', () => {
  it('updates from JSON and keeps the directory terms in step', async () => {
    const { account, token } = await createAccountWithToken(t.ctx);
    const res = await api(t.app, token).patch(UPDATE, {
      display_name: '  Zed Zebra ',
      note: 'Line one\nline two',
      title: 'Zoologist',
      department: 'Research',
      location: 'Zürich',
      skills: ['Zebras', 'Stripes', 'Zebras'],
      locked: true,
      bot: 'true',
      source: { privacy: 'unlisted', sensitive: true, language: 'de' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      display_name: 'Zed Zebra',
      title: 'Zoologist',
      department: 'Research',
      location: 'Zürich',
      skills: ['Zebras', 'Stripes'],
      locked: true,
      bot: true,
      source: { note: 'Line one\nline two', privacy: 'unlisted', sensitive: true, language: 'de' },
    });
    expect(res.body.note).toBe('<p>Line one<br />line two</p>');
    const row = await accountRow(t.ctx, account.id);
    expect(row.sort_name).toBe('zed zebra');
    const terms = await t.ctx.db
      .selectFrom('account_terms')
      .select('term')
      .where('account_id', '=', account.id)
      .execute();
    expect(terms.map((term) => term.term)).toEqual(
      expect.arrayContaining(['zed', 'zebra', 'zoologist', 'research', 'zurich', 'stripes']),
    );
  });

  it('updates from a urlencoded form with bracket keys', async () => {
    const { token } = await createAccountWithToken(t.ctx);
    const body = formBody([
      ['display_name', 'Form Person'],
      ['source[privacy]', 'private'],
      ['source[sensitive]', '1'],
      ['fields_attributes[0][name]', 'Pronouns'],
      ['fields_attributes[0][value]', 'they/them'],
      ['fields_attributes[1][name]', 'Title'],
      ['fields_attributes[1][value]', 'Designer'],
      ['fields_attributes[2][name]', 'skills'],
      ['fields_attributes[2][value]', 'Figma, CSS ,, Figma'],
      ['fields_attributes[3][name]', 'Website'],
      ['fields_attributes[3][value]', 'https://example.org/me'],
    ]);
    const res = await api(t.app, token).patch(UPDATE, body.payload, body.headers);
    expect(res.status).toBe(200);
    expect(res.body.display_name).toBe('Form Person');
    expect(res.body.source.privacy).toBe('private');
    expect(res.body.source.sensitive).toBe(true);
    expect(res.body.title).toBe('Designer');
    expect(res.body.skills).toEqual(['Figma', 'CSS']);
    expect(res.body.source.fields).toEqual([
      { name: 'Title', value: 'Designer', verified_at: null },
      { name: 'Skills', value: 'Figma, CSS', verified_at: null },
      { name: 'Pronouns', value: 'they/them', verified_at: null },
      { name: 'Website', value: 'https://example.org/me', verified_at: null },
    ]);
    expect(res.body.fields[3].value).toMatch(/^<a href="https:\/\/example.org\/me"/);
  });

  it('fields_attributes replace the whole list: attributes left out are cleared', async () => {
    const { token } = await createAccountWithToken(t.ctx, {
      profile: { title: 'Old title', department: 'Old dept', fields: '[{"name":"A","value":"1"}]' },
    });
    const res = await api(t.app, token).patch(UPDATE, {
      fields_attributes: { 0: { name: 'Department', value: 'New dept' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('');
    expect(res.body.department).toBe('New dept');
    expect(res.body.fields).toEqual([{ name: 'Department', value: 'New dept', verified_at: null }]);
  });

  it('an empty fields_attributes clears the fields (forms cannot send an empty list)', async () => {
    const { token } = await createAccountWithToken(t.ctx, {
      profile: { title: 'Keeps', fields: '[{"name":"A","value":"1"}]' },
    });
    const body = formBody({ fields_attributes: '', title: 'Keeps' });
    const res = await api(t.app, token).patch(UPDATE, body.payload, body.headers);
    expect(res.status).toBe(200);
    expect(res.body.source.fields).toEqual([{ name: 'Title', value: 'Keeps', verified_at: null }]);
  });

  it('an over-long Title sent as a profile field is refused like the attribute itself', async () => {
    const { account, token } = await createAccountWithToken(t.ctx, {
      profile: { title: 'Before' },
    });
    const res = await api(t.app, token).patch(UPDATE, {
      fields_attributes: [{ name: 'Title', value: 'x'.repeat(101) }],
    });
    expect(res.status).toBe(422);
    expect(res.body.details.title).toBeDefined();
    expect((await accountRow(t.ctx, account.id))?.title).toBe('Before');
  });

  it.each([
    ['an over-long display_name', { display_name: 'x'.repeat(101) }, 'display_name'],
    ['an over-long note', { note: 'x'.repeat(1001) }, 'note'],
    ['an over-long title', { title: 'x'.repeat(101) }, 'title'],
    ['too many skills', { skills: Array.from({ length: 21 }, (_, i) => `s${i}`) }, 'skills'],
    ['an unknown privacy', { source: { privacy: 'secret' } }, 'source.privacy'],
    ['a non-boolean', { locked: 'maybe' }, 'locked'],
    [
      'five fields of one’s own',
      { fields_attributes: Array.from({ length: 5 }, (_, i) => ({ name: `F${i}`, value: 'v' })) },
      'fields_attributes',
    ],
    [
      'an over-long field value',
      { fields_attributes: [{ name: 'A', value: 'x'.repeat(256) }] },
      'fields_attributes.0.value',
    ],
    [
      'too many skills as a field',
      {
        fields_attributes: [
          {
            name: 'Skills',
            value: Array(21)
              .fill('a')
              .map((a, i) => a + i)
              .join(','),
          },
        ],
      },
      'skills',
    ],
  ])('refuses %s with 422 naming the field, changing nothing', async (_case, body, field) => {
    const { account, token } = await createAccountWithToken(t.ctx, {
      profile: { title: 'Keep me', fields: '[{"name":"Own","value":"field"}]' },
    });
    const before = await accountRow(t.ctx, account.id);
    const counts = await rowCounts(t.ctx);
    const res = await api(t.app, token).patch(UPDATE, { display_name: 'Changed', ...body });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys(res.body.details)).toContain(field);
    expect(await accountRow(t.ctx, account.id)).toEqual(before);
    expect(await rowCounts(t.ctx)).toEqual(counts);
  });

  it('accepts four fields of one’s own next to the four attributes', async () => {
    const { token } = await createAccountWithToken(t.ctx);
    const own = Array.from({ length: 4 }, (_, i) => ({ name: `F${i}`, value: `v${i}` }));
    const res = await api(t.app, token).patch(UPDATE, {
      fields_attributes: [
        { name: 'Title', value: 'T' },
        { name: 'Department', value: 'D' },
        { name: 'Location', value: 'L' },
        { name: 'Skills', value: 'S' },
        ...own,
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.fields).toHaveLength(8);
  });

  it('an empty body changes nothing', async () => {
    const { account, token } = await createAccountWithToken(t.ctx);
    const before = await accountRow(t.ctx, account.id);
    const res = await api(t.app, token).patch(UPDATE, {});
    expect(res.status).toBe(200);
    expect(await accountRow(t.ctx, account.id)).toEqual(before);
  });
});

describe('reading accounts', () => {
  it('looks up by username or username@domain, case-insensitively', async () => {
    const target = await createAccount(t.ctx, { username: 'Lookup_Me' });
    const { token } = await createAccountWithToken(t.ctx);
    const domain = new URL(t.url).host;
    for (const acct of ['Lookup_Me', 'lookup_me', `lookup_me@${domain}`, `@lookup_me@${domain}`]) {
      const res = await api(t.app, token).get(
        `/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(String(target.id));
    }
    for (const acct of ['lookup_me@elsewhere.example', 'nobody', `@${domain}`]) {
      const res = await api(t.app, token).get(
        `/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`,
      );
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await api(t.app, token).get('/api/v1/accounts/lookup')).status).toBe(400);
  });

  it('fetches by id; unknown and malformed ids are 404', async () => {
    const target = await createAccount(t.ctx, { username: 'by_id' });
    const { token } = await createAccountWithToken(t.ctx);
    const res = await api(t.app, token).get(`/api/v1/accounts/${target.id}`);
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('by_id');
    expect(res.body.source).toBeUndefined();
    expect(res.body.email).toBeUndefined();
    for (const id of ['12345', 'abc', '1e5', '99999999999999999999']) {
      const missing = await api(t.app, token).get(`/api/v1/accounts/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('not_found');
    }
  });

  it('fetches several by id[] in the order asked, skipping unknown ids', async () => {
    const a = await createAccount(t.ctx);
    const b = await createAccount(t.ctx);
    const { token } = await createAccountWithToken(t.ctx);
    for (const query of [
      `id[]=${b.id}&id[]=12345&id[]=${a.id}`,
      `id=${b.id}&id=12345&id=${a.id}`,
    ]) {
      const res = await api(t.app, token).get(`/api/v1/accounts?${query}`);
      expect(res.status).toBe(200);
      expect(res.body.map((row: { id: string }) => row.id)).toEqual([String(b.id), String(a.id)]);
    }
    const single = await api(t.app, token).get(`/api/v1/accounts?id=${a.id}`);
    expect(single.body.map((row: { id: string }) => row.id)).toEqual([String(a.id)]);
    expect((await api(t.app, token).get('/api/v1/accounts?id[]=abc')).status).toBe(400);
  });
});
