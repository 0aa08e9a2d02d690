import type { Advice, AdviceSuggestion, OutreachChannel, RelationshipStage } from '@rapport/schema';
import { stageAtLeast } from './model';

/**
 * Channel advice follows the stage (DESIGN.md section 3). Before recognition a cold
 * message or invitation rarely lands; a relevant comment, an answer or an introduction
 * through someone both know does. After recognition, messages and invitations work, and a
 * joint initiative (a page, an event, a working community) develops the relationship.
 * Advice never blocks anyone: it is shown beside the button, which stays enabled.
 */
export function stageAdvice(
  stage: RelationshipStage,
  name: string,
  channel: OutreachChannel | null,
  specific: AdviceSuggestion[] = [],
): Advice {
  const warm = stageAtLeast(stage, 'recognition');
  return {
    stage,
    channel,
    tone: warm ? 'warm' : 'cold',
    headline: warm ? warmHeadline(stage, name, channel) : coldHeadline(stage, name, channel),
    suggestions: specific.length > 0 ? specific : genericSuggestions(warm, stage, name),
  };
}

function coldHeadline(stage: RelationshipStage, name: string, channel: OutreachChannel | null) {
  const met =
    stage === 'none'
      ? `You have not crossed paths with ${name} yet`
      : `You and ${name} have only crossed paths`;
  switch (channel) {
    case 'mention':
      return `${met}: a mention out of the blue can feel abrupt. Reply to something ${name} posted, or get introduced.`;
    case 'event':
    case 'page':
      return `${met}: an invitation from someone they do not know rarely lands. Start with a comment or an introduction.`;
    default:
      return `${met}: a cold message rarely lands. A comment on something ${name} posted, an answer to their question, or an introduction works better.`;
  }
}

function warmHeadline(stage: RelationshipStage, name: string, channel: OutreachChannel | null) {
  if (channel === 'event' || channel === 'page') {
    return `You and ${name} know each other: working on something together is how relationships develop.`;
  }
  if (stage === 'recognition') {
    return `You and ${name} know each other: a message works. To go further, start something together: a page, an event, a working community.`;
  }
  return `You and ${name} work well together: a direct message is the right channel.`;
}

const suggestion = (kind: AdviceSuggestion['kind'], text: string): AdviceSuggestion => ({
  kind,
  text,
  status_id: null,
  path: null,
  introducer: null,
});

/** Suggestions that need no lookup: what the list shows for each person. */
export function genericSuggestions(
  warm: boolean,
  stage: RelationshipStage,
  name: string,
): AdviceSuggestion[] {
  if (!warm) {
    return [
      suggestion('comment', `Comment on something ${name} posted recently`),
      suggestion('answer', `Answer one of ${name}'s questions`),
      suggestion('introduction', `Ask someone you both know to introduce you`),
    ];
  }
  if (stage === 'recognition') {
    return [
      suggestion('joint_initiative', `Start a page or a small event with ${name}`),
      suggestion('message', `Send ${name} a message`),
    ];
  }
  return [suggestion('message', `Send ${name} a message`)];
}
