import type { Member } from './cast';
import type { Kind } from './occasions';
import type { Template } from './topics';
import type { Writer } from './writing';

/**
 * What people answer in a thread, by what the thread is about. `others` reply to the
 * original author; `author` is the original author answering back; `thanked` is a person
 * the status mentioned (thanked, welcomed, asked), replying for themselves.
 */
interface ReplyVoices {
  others: Template[];
  author: Template[];
  thanked?: Template[];
}

const APPRECIATION: Template[] = [
  () => 'This is great, thanks for sharing!',
  () => 'Nice work 👏',
  () => 'Love this.',
  () => 'Really useful, bookmarking it.',
  () => 'Great update, thank you.',
];

const AUTHOR_THANKS: Template[] = [
  () => 'Thanks! It was a team effort.',
  () => 'Thank you 🙏',
  () => 'Glad it helps!',
];

const VOICES: Record<Kind, ReplyVoices> = {
  update: {
    others: [
      ...APPRECIATION,
      (w) => `Congrats! Does this also cover ${w.project().what}?`,
      (w) => `Nice! Any plans to roll this out for ${w.customer()}?`,
      () => 'Great news. Is there a recording of the demo?',
      () => 'This will save us so much time. Thank you!',
      () => 'How did you measure that? Curious about the setup.',
      (w) => `Looping in ${w.someoneElse()}, who asked about exactly this last week.`,
    ],
    author: [
      () => 'Thanks! Yes, that is next on the list.',
      () => 'Not yet, probably next quarter.',
      () => "Good question, I'll add it to the write-up.",
      () => "It's all in the wiki page, section 3.",
      ...AUTHOR_THANKS,
    ],
    thanked: [() => 'Thanks for the mention! Happy to help anytime.', () => 'Team effort 💪'],
  },
  question: {
    others: [
      (w) => `${w.colleague()} is the person to ask about this.`,
      (w) => `We wrote this up last year: ${w.wiki(`${w.space}/faq`)}`,
      (w) =>
        `I had the same problem last month. The fix is in the runbook: ${w.wiki('engineering/runbooks')}`,
      (w) => `Not sure, but I think ${w.someoneElse()} owns that now.`,
      () => "Following, I'd like to know too.",
      () => 'Short answer: yes, but check with Security first.',
      () => 'We did this for another customer last year. Happy to walk you through it.',
    ],
    author: [
      () => "Thanks, that's exactly what I needed!",
      () => "Perfect, I'll ping them.",
      () => 'That worked, thank you 🙏',
      () => "Great, I'll update the wiki so the next person finds it.",
    ],
    thanked: [
      () => 'Yes, happy to help. Sending you a message.',
      () => "That's me! Let's pair on it tomorrow morning.",
      () => 'I can help. Short version: it depends on the plan. Long version over coffee?',
    ],
  },
  learnt: {
    others: [
      () => 'Ha, I learnt that one the hard way too.',
      () => "Today I learnt that I didn't know this. Thanks!",
      () => 'Adding this to my notes.',
    ],
    author: [() => 'Right? Never again.', () => 'Glad it saves someone else the trouble.'],
  },
  kudos: {
    others: [
      (w) => `+1, ${w.pick(['brilliant work', 'so well deserved', 'seconded'])} 👏`,
      () => 'Well deserved!',
      () => 'Seconded!',
    ],
    author: [() => 'Absolutely deserved.', () => '🙌'],
    thanked: [
      () => 'Thank you! It was a team effort.',
      () => 'Aw, thanks! Happy to help anytime.',
      () => "That's kind, thank you 😊",
    ],
  },
  wiki: {
    others: [
      () => 'Thank you for writing this down!',
      () => 'Just sent this to our new joiner.',
      (w) =>
        `Could we add a section on ${w.pick(['exceptions', 'who approves what', 'examples', 'the first week'])}?`,
    ],
    author: [() => 'Good idea, added.', () => 'Thanks! Edits welcome.'],
  },
  conference: {
    others: [
      () => 'Thanks for the notes!',
      () => 'Did they record the talks?',
      () => 'Point 2 matches what we hear from customers.',
    ],
    author: [
      () => "Recordings go up next week, I'll post the link.",
      () => "Agreed, let's bring it to the next review.",
    ],
  },
  office: {
    others: [
      () => 'On my way! 🏃',
      () => 'Finally!',
      () => 'Save me a slice please',
      () => "I'm in.",
    ],
    author: [() => 'See you there!', () => "Ha, too late, it's gone."],
    thanked: [() => 'Thank you all! 🎂', () => 'See you there!'],
  },
  security: {
    others: [
      () => 'Done ✅',
      () => 'Is there a guide for Linux?',
      () => 'Thanks for the heads-up.',
    ],
    author: [() => 'Yes, section 4 of the guide.', () => 'Thank you for being quick!'],
  },
  planning: {
    others: [
      () => 'Added our comments.',
      () => 'Could we have the dependency list as a table?',
      () => 'Thanks, our draft follows tomorrow.',
    ],
    author: [() => 'Thanks, updated.', () => 'Good idea, done.'],
  },
  launch: {
    others: [
      () => 'Congrats everyone! 🎉',
      () => 'What a week. Thank you all.',
      () => 'Customers already love the new search.',
    ],
    author: [() => 'Onwards! 🚀', () => 'Thank you for all the help.'],
  },
  bookclub: {
    others: [
      () => 'I did NOT see that coming.',
      () => 'The middle dragged for me, but the ending made up for it.',
      () => "I'm only halfway, closing this tab now 🙈",
    ],
    author: [() => 'See you Thursday!', () => 'Bring snacks and theories.'],
  },
  poll: {
    others: [
      () => 'Voted! Tough choice.',
      () => 'Can I vote twice? 😄',
      () => 'Curious to see the results.',
      () => 'Voted, and I will defend my choice at lunch.',
    ],
    author: [() => 'Results on Friday!', () => 'Noted 😄'],
  },
  private: {
    others: [...APPRECIATION.slice(0, 2), () => 'Count me in.', () => 'Fingers crossed 🤞'],
    author: [() => 'Thanks 😊', () => 'See you then.'],
  },
  direct: {
    others: [
      () => 'Sure, sending it now.',
      () => 'Yes, 10:30 works for me.',
      () => 'No worries at all!',
      () => 'Check your inbox.',
    ],
    author: [() => 'Thanks!', () => 'Perfect, thank you.'],
  },
  welcome: {
    others: [
      () => 'Welcome aboard!',
      () => 'Welcome! Shout if you need anything.',
      () => 'Great to have you here 🎉',
    ],
    author: [() => 'See you at the onboarding lunch!'],
    thanked: [
      () => 'Thanks everyone, happy to be here!',
      () => 'Thank you! Looking forward to meeting you all.',
    ],
  },
  intro: {
    others: [
      (w) => `Welcome! I'm in ${w.author.department}, ping me anytime.`,
      () => 'Welcome aboard! 👋',
      () => 'Welcome! The coffee machine on floor 2 is the good one.',
      () => 'Great to have you! Come to the Thursday lunch & learn.',
      (w) => `Welcome! ${w.colleague()} and I sit near you, come and say hi.`,
      () => 'Welcome 🎉 Ask anything here, people are friendly.',
    ],
    author: [() => 'Thank you! Good to know 😄', () => 'Thanks everyone!'],
  },
};

/**
 * The text of a reply, addressed (as Mastodon clients do) to the people in the
 * conversation. `voice` says who is speaking in the thread; nobody repeats what was
 * already said in it (`said`).
 */
export function replyText(
  w: Writer,
  kind: Kind,
  voice: 'others' | 'author' | 'thanked',
  addressees: Member[],
  said: Set<string>,
): string {
  const voices = VOICES[kind];
  const pool = voice === 'thanked' ? (voices.thanked ?? voices.others) : voices[voice];
  const to = addressees.map((member) => w.mention(member)).join(' ');
  let body = w.pick(pool)(w);
  for (let attempt = 0; attempt < 4 && said.has(body); attempt++) body = w.pick(pool)(w);
  said.add(body);
  return to ? `${to} ${body}` : body;
}
