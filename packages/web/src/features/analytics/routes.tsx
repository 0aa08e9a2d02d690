import { Route } from 'react-router';
import { AnalyticsLayout } from './AnalyticsLayout';
import { KnowledgeRiskPage } from './KnowledgeRiskPage';
import { ParticipationPage } from './ParticipationPage';
import { ResponsivenessPage } from './ResponsivenessPage';
import { SilosPage } from './SilosPage';

/** `/analytics` and its dashboards, for App.tsx (scope and period ride in the query string). */
export function analyticsRoutes() {
  return (
    <Route path="/analytics" element={<AnalyticsLayout />}>
      <Route index element={<ParticipationPage />} />
      <Route path="responsiveness" element={<ResponsivenessPage />} />
      <Route path="knowledge-risk" element={<KnowledgeRiskPage />} />
      <Route path="silos" element={<SilosPage />} />
    </Route>
  );
}
