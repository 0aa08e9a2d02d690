import type { AnalyticsThresholds, PersonaName } from '@rapport/schema';
import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { usePersonaFigures, usePersonaMeaning } from '../analytics/PersonaGuide';

/** In the order the server tries them: the first rule that fits names the persona. */
const RULE_ORDER: readonly PersonaName[] = [
  'observer',
  'catalyst',
  'responder',
  'broadcaster',
  'engager',
];

/**
 * The person's persona in words, what it means, and how every persona is worked out with
 * the thresholds the server applied (so the page and the computation cannot disagree).
 */
export function PersonaCard({
  persona,
  thresholds,
}: {
  persona: PersonaName;
  thresholds: AnalyticsThresholds;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const figures = usePersonaFigures(thresholds);
  // The person's own persona in the second person; the rules as the dashboards word them.
  const meaning = (name: PersonaName) =>
    t(`insights.persona.meaning.${name}`, {
      ratio: name === 'catalyst' ? figures.catalyst : figures.broadcaster,
      share: figures.share,
    });
  const rule = usePersonaMeaning(thresholds);
  return (
    <section className="card insights-persona" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {t('insights.persona.title')}
      </h2>
      <p className={`insights-persona-name insights-persona-${persona}`}>
        {t(`insights.persona.label.${persona}`)}
      </p>
      <p>{meaning(persona)}</p>
      <details className="insights-persona-how">
        <summary>{t('insights.persona.how')}</summary>
        <p className="muted small">{t('insights.persona.howIntro')}</p>
        <ol className="insights-persona-rules">
          {RULE_ORDER.map((name) => (
            <li key={name} className={name === persona ? 'insights-persona-current' : undefined}>
              <strong>{t(`insights.persona.label.${name}`)}</strong>
              {name === persona && ` ${t('insights.persona.yours')}`}: {rule(name)}
            </li>
          ))}
        </ol>
        <p className="muted small">
          {t('analytics.personaMeaning.order', { weight: figures.weight })}
        </p>
      </details>
    </section>
  );
}
