import type { Member } from './cast';
import { DEPARTMENTS } from './organisation';
import type { Template } from './topics';
import { BOOKS, CONFERENCES, RELEASE, type Writer } from './writing';

/** What a status is about; replies and reactions depend on it. */
export type Kind =
  | 'update'
  | 'question'
  | 'learnt'
  | 'kudos'
  | 'wiki'
  | 'conference'
  | 'office'
  | 'security'
  | 'planning'
  | 'launch'
  | 'bookclub'
  | 'poll'
  | 'private'
  | 'direct'
  | 'welcome'
  | 'intro';

const DEEDS = [
  'staying late to get the release notes over the line',
  'jumping on a 7am customer call to explain our SSO setup',
  'writing the clearest onboarding guide I have ever read',
  'untangling everyone’s travel bookings after the train strike',
  'patiently walking me through the new expense tool',
  'fixing the flaky deploy pipeline for good',
  'running the best workshop of the quarter',
  'covering my on-call shift at very short notice',
  'spotting a pricing error before it reached a customer',
  'answering every single question in the launch channel',
];

export const KUDOS: Template[] = [
  (w) => `Huge thanks to ${w.colleague()} for ${w.pick(DEEDS)}. #kudos`,
  (w) =>
    `Shout-out to ${w.someoneElse()} for ${w.pick(DEEDS)}. This is what good teamwork looks like. #kudos`,
  (w) => `${w.colleague()} and ${w.colleague()}: thank you for ${w.pick(DEEDS)}. #kudos`,
  (w) => `Kudos to ${w.someoneElse()}: ${w.pick(DEEDS)} made my week. #kudos`,
];

const WIKI_PAGES = [
  'How we run incident reviews',
  'Writing a good project brief',
  'Onboarding checklist for managers',
  'Who to ask about what',
  'Meeting-free Wednesday afternoons',
  'Glossary of internal acronyms',
  'Requesting access to production data',
  'Writing for customers: tone and voice',
  'How purchase approvals work',
];

export const WIKI: Template[] = [
  (w) => {
    const title = w.pick(WIKI_PAGES);
    const why = w.pick([
      'Feedback welcome.',
      'It took me a year to learn all this; hopefully it takes you ten minutes.',
      'Please add what I missed.',
      'Built from the questions new joiners asked us this quarter.',
    ]);
    return `New on the wiki: "${title}" ${w.wiki(`${w.space}/${w.slug(title)}`)}\n\n${why} ${w.departmentTag}`;
  },
  (w) => {
    const title = w.pick(WIKI_PAGES);
    return `I rewrote "${title}" from scratch: shorter, with examples, and the outdated bits removed. ${w.wiki(`${w.space}/${w.slug(title)}`)} #wiki`;
  },
];

const TAKEAWAYS = [
  'everyone talks about AI assistants, few have shipped one',
  'boring technology keeps winning',
  'onboarding is the new retention',
  'accessibility is finally on roadmaps',
  'customers want fewer features done better',
  'written proposals beat more meetings',
  'teams that write things down move faster',
  'platform teams need product managers',
  'measure outcomes, not activity',
];

export function conferenceNotes(w: Writer): string {
  const candidates = CONFERENCES.filter((c) => c.departments.includes(w.author.department));
  const conference = w.pick(candidates.length > 0 ? candidates : CONFERENCES);
  const [a, b, c] = w.random.sample(TAKEAWAYS, 3);
  return `Notes from ${conference.name}, day ${w.int(1, 2)}:\n1) ${a}\n2) ${b}\n3) ${c}\n\nFull write-up: ${w.wiki(`${w.space}/conferences/${w.slug(conference.name)}`)} #conference ${w.departmentTag}`;
}

export const OFFICE: Template[] = [
  (w) => `${officeOf(w.author)} office: the coffee machine is fixed. Productivity restored. ☕`,
  (w) => `Cake in the ${officeOf(w.author)} kitchen for ${w.colleague()}'s birthday 🎂`,
  (w) =>
    `${officeOf(w.author)} office: the lift is out until ${w.weekday()}. Enjoy the stairs, everyone.`,
  (w) =>
    `Lunch & learn on ${w.weekday()}: ${w.colleague()} on ${w.pick(['negotiation basics', 'writing good tickets', 'SQL for everyone', 'how our billing works', 'accessibility in 20 minutes', 'giving feedback'])}. Bring your lunch, we bring the questions. #lunchandlearn`,
  (w) =>
    `Anyone in ${officeOf(w.author)} up for a run after work on ${w.weekday()}? 5k, slow pace, pastries after. 🏃`,
  (w) =>
    `Leftover sandwiches from the customer workshop on the second floor of the ${officeOf(w.author)} office. Help yourselves!`,
];

function officeOf(member: Member): string {
  return member.location === 'Remote' ? 'London' : member.location;
}

export const SECURITY: Template[] = [
  (w) =>
    `Phishing test this week: if an email asks you to "verify your payroll details", report it with the button in your mail client. Last round ${w.int(55, 80)}% reported it within an hour. #security`,
  (w) =>
    `Reminder: set up a passkey or an authenticator app for your work accounts. Text message codes stop working on ${w.weekday()}. Guide: ${w.wiki('security/mfa')} #security`,
  (w) =>
    `Please install this week's operating system update before ${w.weekday()}: it fixes a browser bug that is being actively exploited. #security`,
  (w) =>
    `We rotate the shared staging credentials on ${w.weekday()}. If a script breaks, see ${w.wiki('security/secrets-manager')} #security #engineering`,
  (w) =>
    `Security champions meet on ${w.weekday()}: threat modelling for ${w.project().name}. Anyone can join. #security`,
];

export const PLANNING: Template[] = [
  (w) => {
    const priorities = w.random.sample(
      [
        'finish Harbour',
        'ship Compass',
        'halve onboarding time',
        'grow EMEA public sector',
        'hire two team leads',
        'cut support backlog by a third',
        'SSO for every plan',
      ],
      3,
    );
    return `#q3planning: ${w.author.department} draft priorities are up: ${w.wiki(`planning/q3/${w.space}`)}\n\nTop three: ${priorities.join(', ')}. Comments by ${w.weekday()} please.`;
  },
  (w) =>
    `#q3planning reminder: headcount requests go through the template, not email. ${w.wiki('planning/q3/headcount')}`,
  () =>
    'Idea for this round of planning: fewer slides, more written proposals. Who is in? #q3planning',
  (w) =>
    `Cross-team dependencies for Q3 are mapped: ${w.int(12, 30)} between Engineering and Product alone. Please check yours: ${w.wiki('planning/q3/dependencies')} #q3planning`,
];

/** The quarter's big release went out this many days before the demo was generated. */
export const LAUNCH_DAYS_AGO = 20;

/** Launch statuses, each in its days around the release (negative: before it) and by whom. */
export const LAUNCH: Array<{ days: [number, number]; departments?: string[]; text: Template }> = [
  {
    days: [0, 0],
    departments: ['Product', 'Marketing'],
    text: (w) =>
      `${RELEASE} is out! 🚀 New admin console, faster search and the onboarding checklist. Thank you to everyone who made it happen. Release notes: ${w.wiki('releases/meridian-5')} #launch`,
  },
  {
    days: [-6, -1],
    text: (w) =>
      `T-minus ${w.int(2, 6)} days to ${RELEASE}. Launch checklist: ${w.wiki('releases/meridian-5/checklist')}\n\n${w.author.department} items are all green. #launch`,
  },
  {
    days: [0, 1],
    departments: ['Customer Success'],
    text: (w) =>
      `Launch day for ${RELEASE}: ${w.int(80, 240)} customer chats in the first four hours, mostly about the new navigation. All hands on deck, and it worked. #launch #customersuccess`,
  },
  {
    days: [-10, -2],
    departments: ['Marketing', 'Sales'],
    text: (w) =>
      `The ${RELEASE} webinar already has ${w.int(300, 900)} registrations. #launch #marketing`,
  },
  {
    days: [2, 8],
    departments: ['Engineering'],
    text: (w) =>
      `After the launch: error rates back to baseline, ${w.int(2, 5)} hotfixes, no rollbacks. Proud of this team. #launch #engineering`,
  },
];

/** Planning for the next quarter happened between these many days ago. */
export const PLANNING_DAYS_AGO: [number, number] = [50, 28];

export function bookClub(w: Writer, spoiler: boolean): { text: string; spoiler?: string } {
  const book = w.pick(BOOKS);
  if (!spoiler) {
    return {
      text: `Book club picked ${book} for next month. ${w.int(3, 8)} copies are in the library corner; the ebook works too. First meeting ${w.weekday()} at 17:30. #bookclub`,
    };
  }
  const from = w.int(1, 10);
  return {
    spoiler: `Book club: spoilers for ${book}, chapters ${from}–${from + w.int(4, 10)}`,
    text: `${w.pick(['I did not see that reveal about the narrator coming.', 'The chapter with the letters changed how I read everything before it.', 'That ending! I had to sit for a minute.', 'I was sure the friend was lying all along. I was wrong.'])} ${w.pick(['Discussion on Thursday at 17:30, kitchen on floor 2 and online.', "Let's argue about it on Thursday.", 'Bring your theories on Thursday.'])} #bookclub`,
  };
}

export const PRIVATE: Template[] = [
  (w) => `Team retro moves to ${w.weekday()} 14:00 this week. Same link.`,
  (w) =>
    `Not for the whole company yet: we are probably moving the ${officeOf(w.author)} office in spring. More when it's official.`,
  () => "A small win I didn't want to broadcast: my first conference talk got accepted! 🎉",
  (w) =>
    `Could use some encouragement today: the ${w.project().name} deadline is brutal. Coffee tomorrow, anyone?`,
  (w) => `Between us: the ${w.customer()} renewal looks good. Don't jinx it.`,
];

export const DIRECT: Template[] = [
  (w) =>
    `${w.colleague()} could you send me the deck from ${w.weekday()}'s review? I'd like to reuse two slides.`,
  (w) =>
    `${w.someoneElse()} quick one: do you have 15 minutes tomorrow to talk about ${w.project().name}?`,
  (w) => `${w.colleague()} thanks again for covering for me today. I owe you a coffee.`,
  (w) => `${w.colleague()} ${w.colleague()} can we move our weekly sync to Thursday this time?`,
  (w) => `${w.someoneElse()} do you have the login for the ${w.customer()} sandbox?`,
];

export function welcome(w: Writer, newcomers: Member[]): string {
  const names = newcomers.map((member) => w.mention(member));
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const departments = [...new Set(newcomers.map((member) => member.department))];
  return w.pick([
    `Welcome to everyone who joined this week: ${list}! 👋 Your onboarding buddy will get in touch today. Start here: ${w.wiki('people/onboarding/start-here')} #onboarding`,
    `Please give a warm welcome to ${list}, new in ${departments.join(', ')}. #onboarding #welcome`,
  ]);
}

export function introduction(w: Writer): string {
  const me = w.author;
  const focus = DEPARTMENTS.find((d) => d.name === me.department)?.focus ?? [];
  const fact = w.pick([
    'Before this I spent five years at a consultancy.',
    'Outside work I climb, badly, and bake, slightly better.',
    'Ask me about my cat.',
    'Still working out the coffee machine.',
    'Fun fact: I have visited every country in South America.',
    'I am trying to learn Portuguese, so be patient with me in Lisbon.',
    'Big fan of board games; I hear there is a games night?',
    'My first week has been full of great conversations, thank you all.',
    ...focus.map((f) => `I'll be working on ${f}.`),
  ]);
  const place = me.location === 'Remote' ? 'working remotely' : `based in ${me.location}`;
  return `Hi everyone! I'm ${me.firstName}, I just joined ${me.department} as ${me.title}, ${place}. ${fact} Say hi! #introductions #onboarding`;
}

/** Polls, with how long after posting they close (seconds). */
export const POLLS = [
  {
    text: 'Where should the autumn offsite be? #offsite',
    options: ['Lisbon', 'Berlin', 'Toronto', 'Online, please'],
    multiple: false,
  },
  {
    text: 'Which day works best for book club? #bookclub',
    options: ['Tuesday', 'Wednesday', 'Thursday'],
    multiple: false,
  },
  {
    text: 'Help us name the new meeting room on the third floor!',
    options: ['Lighthouse', 'The Library', 'Room 3.14', 'Narnia'],
    multiple: false,
  },
  {
    text: 'How do you prefer to hear about product releases? #product',
    options: ['A post here', 'Email', 'The wiki', 'A short video'],
    multiple: true,
  },
  {
    text: `Quick pulse: how was ${RELEASE} launch week for you? #launch`,
    options: ['Exciting', 'Busy but fine', 'Exhausting', 'What launch?'],
    multiple: false,
  },
  {
    text: 'Standing desks: worth it?',
    options: ['Yes, changed my life', 'I stand for a week, then sit', 'No'],
    multiple: false,
  },
  {
    text: 'Tabs or spaces for the new repository? (Asking for a friend.) #engineering',
    options: ['Tabs', 'Spaces', 'Whatever the formatter says'],
    multiple: false,
  },
  {
    text: 'Next lunch & learn topics? Pick as many as you like. #lunchandlearn',
    options: ['Negotiation', 'SQL basics', 'Writing well', 'Public speaking'],
    multiple: true,
  },
  {
    text: 'Which onboarding checklist layout is clearer? Mock-ups in the thread. #onboarding',
    options: ['A: one long list', 'B: grouped by week'],
    multiple: false,
  },
  {
    text: 'End-of-year party theme?',
    options: ['80s', 'Masquerade', 'Board games night', 'No theme, just food'],
    multiple: false,
  },
];
