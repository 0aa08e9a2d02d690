import type { AnalyticsThresholds, PersonaName } from '@rapport/schema';
import { shareFormat } from '../../components/charts';
import { useI18n } from '../../i18n/I18nProvider';

export const PERSONAS: readonly PersonaName[] = [
  'observer',
  'broadcaster',
  'responder',
  'catalyst',
  'engager',
];

/** The numbers the persona definitions quote, formatted, from the thresholds the server used. */
export function usePersonaFigures(thresholds: AnalyticsThresholds) {
  const { locale } = useI18n();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    catalyst: number.format(thresholds.catalyst_ratio),
    broadcaster: number.format(thresholds.broadcaster_ratio),
    share: shareFormat(locale)(thresholds.responder_share),
    weight: number.format(thresholds.reaction_weight),
  };
}

/**
 * What a persona means, with the thresholds the server uses (so the words and the figures
 * cannot drift apart). Also for a member's own insights page.
 */
export function usePersonaMeaning(thresholds: AnalyticsThresholds) {
  const { t } = useI18n();
  const figures = usePersonaFigures(thresholds);
  return (persona: PersonaName): string => {
    switch (persona) {
      case 'catalyst':
        return t('analytics.personaMeaning.catalyst', { ratio: figures.catalyst });
      case 'responder':
        return t('analytics.personaMeaning.responder', { share: figures.share });
      case 'broadcaster':
        return t('analytics.personaMeaning.broadcaster', { ratio: figures.broadcaster });
      default:
        return t(`analytics.personaMeaning.${persona}`);
    }
  };
}

/** Every persona and its definition, as a list beside the chart. */
export function PersonaGuide({ thresholds }: { thresholds: AnalyticsThresholds }) {
  const { t } = useI18n();
  const meaning = usePersonaMeaning(thresholds);
  const { weight } = usePersonaFigures(thresholds);
  return (
    <div className="analytics-guide">
      <dl>
        {PERSONAS.map((persona) => (
          <div key={persona}>
            <dt>{t(`analytics.persona.${persona}`)}</dt>
            <dd>{meaning(persona)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('analytics.personaMeaning.order', { weight })}</p>
    </div>
  );
}

/** The segments' definitions, with the heavy-contributor thresholds. */
export function SegmentGuide({ thresholds }: { thresholds: AnalyticsThresholds }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const items = [
    ['analytics.segment.inactive', t('analytics.segmentMeaning.inactive')],
    ['analytics.segment.observers', t('analytics.segmentMeaning.observers')],
    ['analytics.segment.occasional', t('analytics.segmentMeaning.occasional')],
    [
      'analytics.segment.heavy',
      t('analytics.segmentMeaning.heavy', {
        perWeek: number.format(thresholds.heavy_per_week),
        minimum: number.format(thresholds.heavy_minimum),
      }),
    ],
  ] as const;
  return (
    <dl className="analytics-guide analytics-guide-compact">
      {items.map(([label, text]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
