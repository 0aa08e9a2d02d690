import { useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { HashIcon } from '../../components/icons';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { Timeline } from './Timeline';

/** `/tags/:tag`: statuses with a hashtag, live. */
export function TagTimelinePage() {
  const t = useT();
  const { tag: raw = '' } = useParams();
  const tag = raw.replace(/^#/, '');
  usePageTitle(t('timeline.tag.title', { tag }));
  return (
    <div className="page page-feed">
      <header className="page-header">
        <h1 className="break-anywhere">{t('timeline.tag.title', { tag })}</h1>
      </header>
      <Timeline
        key={tag.toLowerCase()}
        source={{ kind: 'tag', tag }}
        stream={{ name: 'hashtag', tag }}
        label={t('timeline.tag.label', { tag })}
        empty={
          <EmptyState icon={<HashIcon size={28} />} title={t('timeline.tag.empty', { tag })} />
        }
      />
    </div>
  );
}
