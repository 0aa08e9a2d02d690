import { useQuery } from '@tanstack/react-query';
import { analyticsKeys, getScopes } from './analytics-api';
import { hasAnyScope } from './analytics-query';

/** The dashboards the viewer may open; roles change rarely, so a few minutes' answer is fine. */
export function useAnalyticsScopes() {
  return useQuery({ queryKey: analyticsKeys.scopes, queryFn: getScopes, staleTime: 5 * 60_000 });
}

/** Whether to offer Analytics in the navigation: only to those who may open a dashboard. */
export function useOffersAnalytics(): boolean {
  return hasAnyScope(useAnalyticsScopes().data);
}
