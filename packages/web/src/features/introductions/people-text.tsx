import type { Introduction } from '@rapport/schema';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageKey, Translate } from '../../i18n';
import { profilePath } from '../statuses/status-paths';

/** Messages that name the people of an introduction: {requester}, {introducer}, {target}. */
export type PeopleMessageKey = Extract<
  MessageKey,
  `introductions.headline.${string}` | `introductions.state.${string}`
>;

const PEOPLE = ['requester', 'introducer', 'target'] as const;
/** Private-use characters mark where each name goes; no name contains them. */
const token = (index: number) => `\uE000${index}\uE000`;

export const nameOf = (account: { display_name: string; username: string }) =>
  account.display_name || account.username;

/** The sentence as plain text (for labels). */
export function peopleText(t: Translate, key: PeopleMessageKey, introduction: Introduction) {
  const vars = Object.fromEntries(PEOPLE.map((role) => [role, nameOf(introduction[role])]));
  return t(key as 'introductions.headline.introducer', vars as never);
}

/** The sentence with each person's name linking to their profile. */
export function peopleLinks(
  t: Translate,
  key: PeopleMessageKey,
  introduction: Introduction,
): ReactNode[] {
  const vars = Object.fromEntries(PEOPLE.map((role, index) => [role, token(index)]));
  const text = t(key as 'introductions.headline.introducer', vars as never);
  return text.split(/\uE000(\d)\uE000/).map((part, index) => {
    if (index % 2 === 0) return part;
    const person = introduction[PEOPLE[Number(part)] ?? 'requester'];
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence
      <Link key={index} to={profilePath(person)}>
        {nameOf(person)}
      </Link>
    );
  });
}

/** Where the introduction stands, from the viewer's side. */
export function stateKey(introduction: Introduction): PeopleMessageKey | null {
  const { role, state, declined_by } = introduction;
  if (state === 'requested') {
    return role === 'requester' ? 'introductions.state.waitingForIntroducer' : null;
  }
  if (state === 'forwarded') {
    if (role === 'requester') return 'introductions.state.waitingForTarget';
    if (role === 'introducer') return 'introductions.state.youPassedOn';
    return null;
  }
  if (state === 'accepted') {
    if (role === 'requester') return 'introductions.state.youWereIntroduced';
    if (role === 'target') return 'introductions.state.youAccepted';
    return 'introductions.state.accepted';
  }
  if (declined_by === role) return 'introductions.state.youDeclined';
  return declined_by === 'introducer'
    ? 'introductions.state.declinedByIntroducer'
    : 'introductions.state.declinedByTarget';
}
