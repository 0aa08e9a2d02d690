import type { Scenario } from './results';
import type { Seeded } from './seed';
import { TOPICS } from './seed-communities';

/**
 * The routes measured one by one, each with a request builder (a random viewer's token
 * where the route needs one) and, for the hot ones, its target. `accounts` is the seeded
 * organisation's size.
 */
export function routeScenarios(seeded: Seeded, accounts: number): Scenario[] {
  const random = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const viewer = () => random(seeded.tokens);
  const wide = Math.min(2000, Math.floor(accounts / 2)).toLocaleString('en');
  return [
    { name: 'GET /health (bare route)', request: () => ({ path: '/health' }) },
    {
      name: 'GET /api/v1/accounts/verify_credentials',
      request: () => ({ path: '/api/v1/accounts/verify_credentials', token: viewer() }),
    },
    {
      name: 'GET /api/v1/accounts/:id',
      request: () => ({ path: `/api/v1/accounts/${random(seeded.accountIds)}`, token: viewer() }),
    },
    {
      name: 'GET /api/rapport/v1/people (first page)',
      request: () => ({ path: '/api/rapport/v1/people?limit=40', token: viewer() }),
    },
    {
      name: 'GET /api/rapport/v1/people?q= (prefix search)',
      request: () => ({
        path: `/api/rapport/v1/people?q=${encodeURIComponent(random(seeded.searchTerms))}`,
        token: viewer(),
      }),
    },
    {
      name: 'GET /api/rapport/v1/admin/accounts',
      request: () => ({
        path: '/api/rapport/v1/admin/accounts?limit=40',
        token: seeded.adminToken,
      }),
    },
    {
      name: 'GET /api/v1/timelines/home (random viewers)',
      request: () => ({ path: '/api/v1/timelines/home', token: viewer() }),
      target: { minRatio: 0.2, p99: 25 },
    },
    {
      name: `GET /api/v1/timelines/home (viewer following ${wide})`,
      request: () => ({ path: '/api/v1/timelines/home', token: seeded.wideViewer.token }),
      target: { p99: 50 },
    },
    {
      name: 'GET /api/v1/timelines/home (viewer following only long-silent people)',
      request: () => ({ path: '/api/v1/timelines/home', token: seeded.staleViewer.token }),
      target: { p99: 50 },
    },
    {
      // Feeds keep their newest entries; older pages come from the follow graph.
      name: 'GET /api/v1/timelines/home?max_id= (past the end of the feed; 2 connections)',
      connections: 2,
      request: () => {
        const i = Math.floor(Math.random() * seeded.tokens.length);
        const maxId = seeded.social.oldestFeedIds[i];
        return { path: `/api/v1/timelines/home?max_id=${maxId}`, token: seeded.tokens[i] };
      },
    },
    {
      name: 'GET /api/v1/timelines/public',
      request: () => ({ path: '/api/v1/timelines/public', token: viewer() }),
    },
    {
      name: 'GET /api/v1/accounts/:id/statuses',
      request: () => ({
        path: `/api/v1/accounts/${random(seeded.social.posterIds)}/statuses`,
        token: viewer(),
      }),
    },
    {
      name: 'GET /api/v1/statuses/:id/context',
      request: () => ({
        path: `/api/v1/statuses/${random(seeded.social.threadStatusIds)}/context`,
        token: viewer(),
      }),
    },
    {
      name: 'GET /api/rapport/v1/communities (directory)',
      request: () => ({ path: '/api/rapport/v1/communities?limit=20', token: viewer() }),
    },
    {
      name: 'GET /api/rapport/v1/communities/:id/timeline (a member)',
      request: () => {
        const [index, communityId] = random(seeded.communities.memberships);
        return {
          path: `/api/rapport/v1/communities/${communityId}/timeline`,
          token: seeded.tokens[index] as string,
        };
      },
    },
    {
      name: 'GET /api/rapport/v1/questions?state=unanswered',
      request: () => ({ path: '/api/rapport/v1/questions?state=unanswered', token: viewer() }),
    },
    {
      name: 'GET /api/rapport/v1/pages',
      request: () => ({ path: '/api/rapport/v1/pages', token: viewer() }),
    },
    {
      name: 'GET /api/rapport/v1/events (upcoming)',
      request: () => ({ path: '/api/rapport/v1/events', token: viewer() }),
    },
    {
      name: 'GET /api/rapport/v1/experts?topic=',
      request: () => ({ path: `/api/rapport/v1/experts?topic=${random(TOPICS)}`, token: viewer() }),
    },
    {
      name: 'GET /api/rapport/v1/search?q= (every kind)',
      request: () => ({ path: `/api/rapport/v1/search?q=${random(TOPICS)}`, token: viewer() }),
    },
  ];
}
