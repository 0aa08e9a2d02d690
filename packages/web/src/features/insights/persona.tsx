import type { AnalyticsThresholds, PersonaName } from '@rapport/schema';
import { useId } from 'react';
import { shareFormat } from '../../components/charts';
import { useI18n } from '../../i18n/I18nProvider';

/** In the order the server tries them: the first rule that fits names the persona. */
const RULE_ORDER: readonly PersonaName[] = [
  'observer',
  'catalyst',
  'responder',
  'broadcaster',
  'engager',
];

/** The numbers a persona's words quote, from the thresholds the server uses. */
function useThresholdVars(thresholds: AnalyticsThresholds) {
  const { locale } = useI18n();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    catalyst: number.format(thresholds.catalyst_ratio),
    broadcaster: number.format(thresholds.broadcaster_ratio),
    share: shareFormat(locale)(thresholds.responder_share),
  };
}

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
  const vars = useThresholdVars(thresholds);
  const meaning = (name: PersonaName) => {
    if (name === 'catalyst')
      return t('insights.persona.meaning.catalyst', { ratio: vars.catalyst });
    if (name === 'broadcaster')
      return t('insights.persona.meaning.broadcaster', { ratio: vars.broadcaster });
    if (name === 'responder') return t('insights.persona.meaning.responder', { share: vars.share });
    return t(`insights.persona.meaning.${name}`);
  };
  const rule = (name: PersonaName) => {
    if (name === 'catalyst') return t('insights.persona.rule.catalyst', { ratio: vars.catalyst });
    if (name === 'broadcaster')
      return t('insights.persona.rule.broadcaster', { ratio: vars.broadcaster });
    if (name === 'responder') return t('insights.persona.rule.responder', { share: vars.share });
    return t(`insights.persona.rule.${name}`);
  };
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
      </details>
    </section>
  );
}
