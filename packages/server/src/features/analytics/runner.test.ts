import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type Person, people, person, post } from './analytics.test-support';

// The report cache on, as in use: five minutes.
let t: TestApp;
let admin: Person;
let members: Person[];
beforeAll(async () => {
  t = await startTestApp({ RAPPORT_ANALYTICS_CACHE_SECONDS: '300' });
  admin = await person(t, { role: 'admin' });
  members = await people(t, 5);
});
afterAll(() => t.close());

const RESPONSIVENESS = '/api/rapport/v1/analytics/responsiveness';

async function asked(): Promise<{
  questions_asked: number;
  target: { answer_within_hours: number };
}> {
  const res = await admin.api.get(RESPONSIVENESS);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('the analytics runner', () => {
  it('serves one report for the cache window, and forgets it when a target changes', async () => {
    await post(members[0] as Person, { kind: 'question' }, 'Where is the style guide?');
    const first = await asked();
    expect(first.questions_asked).toBe(1);

    // Asked again within the window: the same report, computed once.
    await post(members[1] as Person, { kind: 'question' }, 'Who owns the release notes?');
    const again = await asked();
    expect(again).toEqual(first);

    // A new target must show at once, so the kept reports are dropped.
    const put = await admin.api.put('/api/rapport/v1/analytics/targets', {
      scope: 'organisation',
      answer_within_hours: 4,
      answered_share: 0.9,
    });
    expect(put.status, put.text).toBe(200);
    const after = await asked();
    expect(after.target.answer_within_hours).toBe(4);
    expect(after.questions_asked).toBe(2);
  });

  it('keeps answering other requests while a report is being computed', async () => {
    const [report, account] = await Promise.all([
      admin.api.get('/api/rapport/v1/analytics/participation?from=2026-01-01'),
      admin.api.get('/api/v1/accounts/verify_credentials'),
    ]);
    expect(report.status, report.text).toBe(200);
    expect(account.status).toBe(200);
  });
});
