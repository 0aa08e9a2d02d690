import type { AppContext } from '../context';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { readChat, startChat, updateChat } from '../features/chats/chats.service';
import { updateMessagePolicy } from '../features/chats/message-policy';
import { sendMessage } from '../features/chats/messages.service';
import { viewerFrom } from '../http/auth';

/**
 * Conversations among the demo's people, written through the chats service (so unread
 * counts, read states, search words and the interaction ledger are as real use leaves
 * them): Ana's one-to-one and group conversations with colleagues, some read and some
 * not, one muted, and a few others between colleagues. Lines are scripted, not generated:
 * work talk with Markdown and links.
 */

const MINUTE = 60_000;

/** A line: who says it (an index into the conversation's people) and how long ago. */
type Line = [who: number, minutesAgo: number, text: string];

interface Script {
  /** Who is in it: Ana, or a department's n-th person (skipping those already cast). */
  people: string[];
  title?: string;
  lines: Line[];
  /** How many of the last lines Ana has not read yet (she read the rest). */
  anaUnread?: number;
  anaMutes?: boolean;
}

const SCRIPTS: Script[] = [
  {
    people: ['ana', 'Product'],
    anaUnread: 2,
    lines: [
      [1, 3 * 24 * 60, 'Morning! Did the onboarding funnel numbers for October land yet?'],
      [0, 3 * 24 * 60 - 12, 'Just now. Step 3 (workspace invite) still loses **31%** of sign-ups.'],
      [1, 3 * 24 * 60 - 20, 'Ouch. Same as September, so the copy change did nothing.'],
      [
        0,
        3 * 24 * 60 - 35,
        'I wrote up three options:\n\n1. Skip the invite step for solo workspaces\n2. Inline invite with a *“later”* button\n3. Move it after the first project\n\nDraft: https://wiki.meridian.example/onboarding/invite-step',
      ],
      [1, 2 * 24 * 60, 'Read it. Option 2 is cheapest, option 3 matches the interviews best.'],
      [
        0,
        2 * 24 * 60 - 5,
        'Agreed. Can you pull the interview quotes for option 3 before Thursday?',
      ],
      [1, 95, 'Quotes are in the doc, section “What people said”. Five of eight mention it.'],
      [1, 93, 'Also: Design has a mock for option 3, they will post it in the squad chat.'],
    ],
  },
  {
    people: ['ana', 'Engineering'],
    lines: [
      [
        1,
        26 * 60,
        'Heads-up: the admin console release moves to **Wednesday**, migration review took longer.',
      ],
      [0, 26 * 60 - 8, 'Thanks for telling me early. Anything customers will notice?'],
      [
        1,
        26 * 60 - 15,
        'No downtime. The audit log export gets a new `format=csv` option, that is all.',
      ],
      [0, 25 * 60, 'Perfect, I will add it to the release notes. 👍'],
    ],
  },
  {
    people: ['ana', 'Engineering', 'Design', 'Customer Success'],
    title: 'Onboarding squad',
    anaUnread: 3,
    lines: [
      [
        0,
        2 * 24 * 60 - 30,
        'Kicking this off: we are fixing the invite step this cycle. Context in the wiki page above.',
      ],
      [
        3,
        2 * 24 * 60 - 42,
        'From support: 14 tickets last month were “how do I add my team later?”',
      ],
      [1, 2 * 24 * 60 - 50, 'Option 3 is about two sprints. Option 2 fits in one.'],
      [
        2,
        130,
        'Mock for option 3: https://design.meridian.example/f/onboarding-v3 (comments welcome)',
      ],
      [1, 70, 'Looks good. The empty project state needs a _loading_ variant, I left a comment.'],
      [3, 40, 'Customers will love the “invite later” nudge. Can we track how many use it?'],
    ],
  },
  {
    people: ['ana', 'Marketing', 'Sales', 'Finance'],
    title: 'Lisbon office',
    anaMutes: true,
    anaUnread: 2,
    lines: [
      [1, 5 * 60, 'Lunch on the terrace at 12:30? The new place on Rua da Prata.'],
      [0, 5 * 60 - 10, 'In!'],
      [2, 3 * 60, 'Friendly reminder: the parking cards need renewing by Friday.'],
      [3, 50, 'Whoever took the big whiteboard marker: it lives in room **Alfama** 😄'],
    ],
  },
  {
    people: ['Sales', 'Customer Success'],
    lines: [
      [0, 6 * 60, 'Acme asked about SSO pricing again. Do we have the new sheet?'],
      [
        1,
        6 * 60 - 20,
        'Yes: https://wiki.meridian.example/pricing/sso, page 2 has the enterprise tier.',
      ],
      [0, 6 * 60 - 25, 'Thank you, sending it today.'],
    ],
  },
  {
    people: ['Engineering', 'Engineering'],
    lines: [
      [0, 9 * 60, 'Is the flaky `billing-sync` test yours or mine this week?'],
      [1, 9 * 60 - 4, 'Mine. Fix is in review: retry on the queue timeout, not on every error.'],
    ],
  },
];

export interface ChatsSummary {
  chats: number;
  messages: number;
}

export async function seedChats(
  ctx: AppContext,
  options: { accounts: AccountRow[]; now: number; ana: string },
): Promise<ChatsSummary> {
  const staff = options.accounts.filter((a) => a.role !== 'guest' && a.suspended === 0);
  const ana = staff.find((a) => a.username === options.ana);
  if (!ana) throw new Error('the demo has no Ana');
  const cast = new Set<number>([ana.id]);
  /** The next person of a department not yet in a conversation, so casts do not repeat. */
  const next = (department: string): AccountRow => {
    const found = staff.find((a) => a.department === department && !cast.has(a.id));
    if (!found) throw new Error(`the demo has nobody left in ${department}`);
    cast.add(found.id);
    return found;
  };
  let messages = 0;
  for (const script of SCRIPTS) {
    const people = script.people.map((who) => (who === 'ana' ? ana : next(who)));
    const [starter, ...others] = people as [AccountRow, ...AccountRow[]];
    const first = script.lines[0]?.[1] ?? 0;
    const { chatId } = await startChat(
      ctx,
      viewerFrom(starter),
      { account_ids: others.map((a) => String(a.id)), title: script.title },
      { at: options.now - (first + 5) * MINUTE },
    );
    const sent: number[] = [];
    for (const [who, minutesAgo, text] of script.lines) {
      const sender = people[who] as AccountRow;
      const row = await sendMessage(
        ctx,
        viewerFrom(sender),
        chatId,
        { text },
        {
          at: options.now - minutesAgo * MINUTE,
        },
      );
      sent.push(row.id);
      messages += 1;
    }
    // Everyone else has read everything but the newest line, except Ana as scripted.
    for (const person of people) {
      const readUpTo =
        person.id === ana.id
          ? sent[sent.length - 1 - (script.anaUnread ?? 0)]
          : sent[sent.length - 2];
      if (readUpTo !== undefined) await readChat(ctx, viewerFrom(person), chatId, readUpTo);
    }
    if (script.anaMutes) await updateChat(ctx, viewerFrom(ana), chatId, { muted: true });
  }
  // A leader who takes messages only from people who follow them.
  const head = staff.find(
    (a) => a.title === 'Head of Product' || a.title === 'Director of Engineering',
  );
  if (head) await updateMessagePolicy(ctx, viewerFrom(head), 'followers');
  return { chats: SCRIPTS.length, messages };
}
