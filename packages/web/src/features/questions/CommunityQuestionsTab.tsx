import { useSearchParams } from 'react-router';
import type { QuestionFilter } from '../../api/questions';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ClosedCommunity } from '../communities/ClosedCommunity';
import { useCommunity } from '../communities/community-context';
import { canReadContent, isMember } from '../communities/community-rules';
import { QuestionsBoard } from './QuestionsPage';
import { stateOf } from './question-states';

/** A community's Questions section: its questions by state, and a box for members to ask. */
export function CommunityQuestionsTab() {
  const t = useT();
  const me = useCurrentAccount();
  const community = useCommunity();
  const [params] = useSearchParams();
  if (!canReadContent(community, me.rapport_role)) return <ClosedCommunity />;
  const filter: QuestionFilter = {
    state: stateOf(params.get('state')),
    communityId: community.id,
  };
  const linkTo = (change: Partial<QuestionFilter>) => {
    const state = change.state ?? filter.state;
    const base = `/communities/${community.id}/questions`;
    return state === 'unanswered' ? base : `${base}?state=${state}`;
  };
  return (
    <div className="community-section">
      <QuestionsBoard
        filter={filter}
        linkTo={linkTo}
        askTitle={t('questions.askIn', { community: community.name })}
        canAsk={isMember(community)}
      />
    </div>
  );
}
