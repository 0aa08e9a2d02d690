import type { Account, PersonToMeet } from '@rapport/schema';
import { listText } from './words';

export interface PersonFacts {
  account: Account;
  /** Shared topics they wrote about (hashtag keys), in the viewer's order. */
  written: string[];
  /** Shared topics found only among their profile skills, as they wrote them. */
  skills: string[];
  /** Every shared topic key, for the list. */
  topics: string[];
  department: string;
  otherDepartment: boolean;
  mutualContacts: number;
}

const contactsText = (n: number) =>
  n === 0
    ? 'you have no contacts in common'
    : n === 1
      ? 'you have one contact in common'
      : `you have ${n} contacts in common`;

/** "Writes about #kubernetes and #helm like you; works in Sales; you have no contacts in common". */
export function presentPersonToMeet(facts: PersonFacts): PersonToMeet {
  const parts: string[] = [];
  if (facts.written.length > 0) {
    parts.push(`writes about ${listText(facts.written.map((t) => `#${t}`))} like you`);
  }
  if (facts.skills.length > 0) parts.push(`lists ${listText(facts.skills)} among their skills`);
  if (facts.otherDepartment) parts.push(`works in ${facts.department}`);
  parts.push(contactsText(facts.mutualContacts));
  const reason = parts.join('; ');
  return {
    account: facts.account,
    shared_topics: facts.topics,
    mutual_contacts_count: facts.mutualContacts,
    other_department: facts.otherDepartment,
    reason: reason.charAt(0).toUpperCase() + reason.slice(1),
  };
}
