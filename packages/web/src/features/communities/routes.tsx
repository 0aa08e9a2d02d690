import { Route } from 'react-router';
import { CommunitiesPage } from './CommunitiesPage';
import { CommunityLayout } from './CommunityLayout';
import { COMMUNITY_TABS } from './community-tabs';

/** The directory and each community's page with its sections (community-tabs.ts), for App.tsx. */
export function communityRoutes() {
  return (
    <>
      <Route path="/communities" element={<CommunitiesPage />} />
      <Route path="/communities/:id" element={<CommunityLayout />}>
        {COMMUNITY_TABS.map(({ path, Component }) =>
          path === '' ? (
            <Route key="index" index element={<Component />} />
          ) : (
            <Route key={path} path={path} element={<Component />} />
          ),
        )}
      </Route>
    </>
  );
}
