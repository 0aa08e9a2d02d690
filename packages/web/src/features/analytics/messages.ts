/** Messages of organisation analytics and of the shared charts (i18n/en.ts). */
export const analyticsMessages = {
  'analytics.chart.hidden': 'Hidden: fewer than {count} people',
  'analytics.chart.none': '–',
  'analytics.chart.empty': 'No data for this period yet.',
  'analytics.chart.explore': '{name}: use the arrow keys to read each point',
  'analytics.chart.scroll': '{name} (scrolls sideways)',
  'analytics.chart.lorenzPoint':
    'The least active {members} of members made {contributions} of contributions',
  'analytics.chart.lorenzMembers': 'Share of members (least active first)',
  'analytics.chart.lorenzContributions': 'Share of contributions they made',
  'analytics.chart.lorenzMembersAxis': 'Members, least active first',
  'analytics.chart.lorenzContributionsAxis': 'Share of all contributions',
  'analytics.chart.lorenzCurve': 'Actual spread',
  'analytics.chart.equality': 'Everyone contributing alike',
  'analytics.chart.gap': 'Inequality',
  'analytics.chart.topMade': 'Top {top} made {made}',
  'analytics.chart.heatAxes': 'Rows: {rows} · columns: {columns}',
  'analytics.chart.heatCell': 'From {from} to {to}: {value}',
  'analytics.chart.heatSelf': 'Outlined: within the same group',
} as const;
