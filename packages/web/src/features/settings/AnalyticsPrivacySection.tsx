import type { AnalyticsPrivacy } from '@rapport/schema';
import { getAnalyticsPrivacy, insightsKeys, saveAnalyticsPrivacy } from '../insights/insights-api';
import { PrivacySwitchSection } from './PrivacySwitchSection';

/**
 * "Count me in team and community analytics": off, the person counts in organisation-wide
 * totals only (never in a department's, a community's or in silos). Their own insights
 * are private either way.
 */
export function AnalyticsPrivacySection() {
  return (
    <PrivacySwitchSection<AnalyticsPrivacy>
      messages="insights.privacy"
      queryKey={insightsKeys.privacy}
      load={getAnalyticsPrivacy}
      store={saveAnalyticsPrivacy}
      isOn={(privacy) => privacy.counted}
      preferenceOf={(counted) => ({ counted })}
    />
  );
}
