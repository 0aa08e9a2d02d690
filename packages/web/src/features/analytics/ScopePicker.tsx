import type { AnalyticsScopes } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { getCommunity } from '../../api/communities';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useT } from '../../i18n/I18nProvider';
import { analyticsKeys, searchCommunities } from './analytics-api';
import { communityIdOf, PERIOD_WEEKS, type PeriodWeeks } from './analytics-query';

/**
 * Whose dashboard: the organisation, a department, or a community the viewer runs. Admins
 * may open any community's, found by name.
 */
export function ScopePicker({
  scope,
  scopes,
  onChange,
}: {
  scope: string;
  scopes: AnalyticsScopes;
  onChange: (scope: string) => void;
}) {
  const t = useT();
  const currentCommunity = communityIdOf(scope);
  const listed = scopes.communities.some((community) => community.id === currentCommunity);
  // A community picked through the search is not among the viewer's own: name it here.
  const other = useQuery({
    queryKey: queryKeys.community(currentCommunity ?? ''),
    queryFn: () => getCommunity(currentCommunity ?? ''),
    enabled: currentCommunity !== null && !listed,
    staleTime: 5 * 60_000,
  });
  const groups: { label: string; options: { value: string; label: string }[] }[] = [];
  if (scopes.organisation) {
    groups.push({
      label: t('analytics.scope.organisationGroup'),
      options: [{ value: 'organisation', label: t('analytics.scope.organisation') }],
    });
  }
  if (scopes.departments.length > 0) {
    groups.push({
      label: t('analytics.scope.departments'),
      options: scopes.departments.map((name) => ({ value: `department:${name}`, label: name })),
    });
  }
  const communities = scopes.communities.map((community) => ({
    value: `community:${community.id}`,
    label: community.name,
  }));
  if (currentCommunity !== null && !listed) {
    communities.push({ value: scope, label: other.data?.name ?? t('analytics.scope.community') });
  }
  if (communities.length > 0) {
    groups.push({ label: t('analytics.scope.communities'), options: communities });
  }
  const id = useId();

  return (
    <div className="field analytics-scope">
      <label htmlFor={id} className="field-label">
        {t('analytics.scope.label')}
      </label>
      <select
        id={id}
        className="input select"
        value={scope}
        onChange={(event) => onChange(event.target.value)}
      >
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** An admin's search for any community's dashboard. */
export function CommunityFinder({ onPick }: { onPick: (communityId: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const term = useDebouncedValue(q.trim(), 250);
  const found = useQuery({
    queryKey: analyticsKeys.communitySearch(term),
    queryFn: () => searchCommunities(term),
    enabled: open,
    staleTime: 60_000,
  });
  const inputId = useId();
  const listId = useId();
  if (!open) {
    return (
      <Button size="sm" variant="ghost" className="analytics-find" onClick={() => setOpen(true)}>
        {t('analytics.scope.find')}
      </Button>
    );
  }
  return (
    <div className="analytics-finder">
      <label htmlFor={inputId} className="field-label">
        {t('analytics.scope.findLabel')}
      </label>
      <div className="analytics-finder-row">
        <input
          id={inputId}
          className="input"
          type="search"
          value={q}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to search
          autoFocus
          aria-controls={listId}
          onChange={(event) => setQ(event.target.value)}
        />
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          {t('common.close')}
        </Button>
      </div>
      <ul id={listId} className="analytics-finder-results" aria-live="polite">
        {found.isSuccess && found.data.length === 0 && (
          <li className="muted">{t('analytics.scope.noneFound')}</li>
        )}
        {found.data?.map((community) => (
          <li key={community.id}>
            <button
              type="button"
              className="analytics-finder-pick"
              onClick={() => {
                onPick(community.id);
                setOpen(false);
                setQ('');
              }}
            >
              {community.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Over which weeks: the last 4, 12, 26 or 52. */
export function PeriodPicker({
  weeks,
  onChange,
}: {
  weeks: PeriodWeeks;
  onChange: (weeks: PeriodWeeks) => void;
}) {
  const t = useT();
  return (
    <SelectField
      className="analytics-period"
      label={t('analytics.period.label')}
      value={String(weeks)}
      onValueChange={(value) => onChange(Number(value) as PeriodWeeks)}
      options={PERIOD_WEEKS.map((each) => ({
        value: String(each),
        label: t('analytics.period.weeks', { count: each }),
      }))}
    />
  );
}
