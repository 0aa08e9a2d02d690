import { useT } from '../../i18n/I18nProvider';
import { STAGE_ADVICE, STAGE_MEANING, StageChip } from './RelationshipParts';
import { NETWORK_STAGES } from './stages';

/** What each stage means and how Rapport suggests reaching people at it, weakest first. */
export function StageGuide() {
  const t = useT();
  return (
    <details className="card stage-guide">
      <summary className="stage-guide-summary">{t('network.guide.title')}</summary>
      <p className="muted">{t('network.guide.intro')}</p>
      <dl className="stage-guide-list">
        {[...NETWORK_STAGES].reverse().map((stage) => (
          <div key={stage} className="stage-guide-row">
            <dt>
              <StageChip stage={stage} />
            </dt>
            <dd>
              <p>{t(STAGE_MEANING[stage])}</p>
              <p className="muted small">
                {t('network.guide.adviceLabel')} {t(STAGE_ADVICE[stage])}
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
