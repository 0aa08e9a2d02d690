import type { Random } from './random';

export const ORGANISATION = { name: 'Meridian Works', domain: 'meridian.example' };

interface Department {
  name: string;
  /** Share of the organisation working there. */
  weight: number;
  titles: string[];
  leads: string[];
  skills: string[];
  focus: string[];
}

export const DEPARTMENTS: Department[] = [
  {
    name: 'Engineering',
    weight: 0.26,
    titles: [
      'Software Engineer',
      'Senior Software Engineer',
      'Staff Engineer',
      'Site Reliability Engineer',
      'QA Engineer',
      'Data Engineer',
      'Mobile Engineer',
    ],
    leads: ['Engineering Manager', 'Director of Engineering'],
    skills: [
      'TypeScript',
      'Node.js',
      'React',
      'PostgreSQL',
      'Kubernetes',
      'Terraform',
      'Go',
      'Python',
      'Observability',
      'Security',
      'Kotlin',
      'Swift',
      'Testing',
      'Performance',
    ],
    focus: [
      'the billing platform',
      'our mobile apps',
      'the data pipeline',
      'developer tooling',
      'search',
      'the public API',
    ],
  },
  {
    name: 'Product',
    weight: 0.09,
    titles: ['Product Manager', 'Senior Product Manager', 'Product Analyst', 'Technical Writer'],
    leads: ['Head of Product'],
    skills: [
      'Roadmapping',
      'User research',
      'Analytics',
      'SQL',
      'Pricing',
      'Experimentation',
      'Documentation',
    ],
    focus: [
      'onboarding',
      'the admin console',
      'integrations',
      'reporting',
      'pricing and packaging',
    ],
  },
  {
    name: 'Design',
    weight: 0.07,
    titles: ['Product Designer', 'Senior Product Designer', 'UX Researcher', 'Content Designer'],
    leads: ['Design Lead'],
    skills: [
      'Figma',
      'Accessibility',
      'Design systems',
      'Prototyping',
      'User research',
      'Illustration',
      'Writing',
    ],
    focus: ['our design system', 'accessibility', 'the mobile experience', 'research operations'],
  },
  {
    name: 'Sales',
    weight: 0.14,
    titles: [
      'Account Executive',
      'Senior Account Executive',
      'Sales Development Representative',
      'Solutions Engineer',
    ],
    leads: ['Sales Director', 'VP Sales'],
    skills: [
      'Negotiation',
      'Salesforce',
      'Public sector',
      'Enterprise deals',
      'Demos',
      'Forecasting',
    ],
    focus: [
      'enterprise accounts in EMEA',
      'the public sector',
      'new business in APAC',
      'partner channels',
    ],
  },
  {
    name: 'Customer Success',
    weight: 0.14,
    titles: [
      'Customer Success Manager',
      'Support Engineer',
      'Implementation Consultant',
      'Trainer',
    ],
    leads: ['Head of Customer Success'],
    skills: [
      'Onboarding',
      'Zendesk',
      'Training',
      'Troubleshooting',
      'SQL',
      'Renewals',
      'Customer advocacy',
    ],
    focus: [
      'our largest customers',
      'first-line support',
      'implementation projects',
      'customer training',
    ],
  },
  {
    name: 'Marketing',
    weight: 0.1,
    titles: [
      'Content Marketer',
      'Product Marketing Manager',
      'Events Manager',
      'Growth Marketer',
      'Brand Designer',
    ],
    leads: ['Head of Marketing'],
    skills: ['Copywriting', 'SEO', 'Events', 'Brand', 'Video', 'Social media', 'Analytics'],
    focus: ['our launches', 'the blog', 'customer stories', 'events and webinars'],
  },
  {
    name: 'People & Culture',
    weight: 0.08,
    titles: [
      'People Partner',
      'Recruiter',
      'Learning & Development Specialist',
      'Workplace Coordinator',
    ],
    leads: ['Chief People Officer'],
    skills: ['Recruiting', 'Coaching', 'Onboarding', 'Employment law', 'Wellbeing', 'Facilitation'],
    focus: ['hiring', 'learning programmes', 'our offices', 'wellbeing'],
  },
  {
    name: 'Finance',
    weight: 0.12,
    titles: [
      'Financial Analyst',
      'Accountant',
      'Procurement Specialist',
      'Legal Counsel',
      'Revenue Operations Analyst',
    ],
    leads: ['Finance Director', 'General Counsel'],
    skills: [
      'Forecasting',
      'Excel',
      'Contracts',
      'Procurement',
      'Compliance',
      'Revenue recognition',
      'GDPR',
    ],
    focus: ['planning and budgets', 'contracts', 'procurement', 'revenue operations'],
  },
];

export const LOCATIONS = [
  'London',
  'Berlin',
  'Lisbon',
  'Toronto',
  'Singapore',
  'Nairobi',
  'São Paulo',
  'Remote',
];

const FIRST_NAMES = [
  'Ana',
  'Bilal',
  'Chloé',
  'Dmitri',
  'Efua',
  'Farah',
  'Gabriel',
  'Hana',
  'Ibrahim',
  'Jonas',
  'Keiko',
  'Lars',
  'Maya',
  'Nikhil',
  'Olga',
  'Pedro',
  'Qiu',
  'Rosa',
  'Samir',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zara',
  'Amara',
  'Ben',
  'Carmen',
  'Daniel',
  'Elif',
  'Finn',
  'Grace',
  'Hugo',
  'Isla',
  'Jamal',
  'Kofi',
  'Lena',
  'Mateo',
  'Nadia',
  'Oscar',
  'Priya',
  'Rafael',
  'Sofia',
  'Theo',
  'Valentina',
  'William',
  'Yara',
  'Aiko',
  'Bruno',
  'Camila',
  'Diego',
  'Emma',
  'Femi',
  'Giulia',
  'Hamid',
  'Inès',
  'João',
  'Kamala',
  'Leila',
  'Marcus',
  'Noor',
  'Omar',
  'Paula',
  'Ravi',
  'Sara',
  'Tariq',
  'Ursula',
  'Vera',
  'Wanjiru',
  'Xavier',
  'Yuki',
  'Zoltan',
  'Aisha',
  'Björn',
  'Chen',
  'Dara',
  'Esther',
  'Fatima',
  'Gustavo',
];

const LAST_NAMES = [
  'Silva',
  'Okafor',
  'Müller',
  'Nakamura',
  'Haddad',
  'Kowalski',
  'Mensah',
  'Fernández',
  'Larsen',
  'Ivanova',
  'Chen',
  'Patel',
  'Dubois',
  'Rossi',
  'Kim',
  'Novak',
  'Andersson',
  'Costa',
  'Yilmaz',
  'Nguyen',
  'Mwangi',
  'Santos',
  'Schmidt',
  'O’Brien',
  'Rahman',
  'Tanaka',
  'Jansen',
  'Moreau',
  'Ali',
  'Kaur',
  'Popescu',
  'Lopez',
  'Wójcik',
  'Achebe',
  'Horvath',
  'Lindqvist',
  'Sato',
  'Bianchi',
  'Adeyemi',
  'Petrov',
  'Khan',
  'Martins',
  'García',
  'Svensson',
  'Ozturk',
  'Wang',
  'Farouk',
  'Eriksen',
  'Murphy',
  'Sousa',
  'Kariuki',
  'Weber',
  'Bose',
  'Laurent',
  'Hoang',
  'Mendes',
  'Abara',
  'Ferreira',
  'Nilsen',
  'Zhou',
];

const SHARED_SKILLS = [
  'Public speaking',
  'Mentoring',
  'Spanish',
  'German',
  'Portuguese',
  'French',
  'Japanese',
  'Project management',
  'Writing',
];

const PRONOUNS = ['she/her', 'he/him', 'they/them'];

export interface DemoPerson {
  username: string;
  displayName: string;
  email: string;
  department: string;
  title: string;
  location: string;
  skills: string[];
  bio: string;
  fields: Array<{ name: string; value: string }>;
}

/** Usernames are letters, digits and underscores: "José Müller" becomes jose_muller. */
export function usernameFor(first: string, last: string): string {
  const fold = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
  return `${fold(first)}_${fold(last)}`.slice(0, 30);
}

function bioFor(random: Random, department: Department, title: string, location: string): string {
  const focus = random.pick(department.focus);
  const openers = [
    `${title} working on ${focus}.`,
    `I look after ${focus} as a ${title.toLowerCase()}.`,
    `${title} in ${department.name}, mostly on ${focus}.`,
  ];
  const extras = [
    `Based in ${location === 'Remote' ? 'a home office with a very loud cat' : location}.`,
    'Happy to help with anything I know about: just ask.',
    'Ask me about the history of our oldest customer.',
    'Currently learning to bake bread, badly.',
    'I run the book club on Thursdays.',
    'Previously in consulting; now very happy to ship things.',
    'Coffee first, then questions.',
  ];
  return [random.pick(openers), ...random.sample(extras, random.int(1, 2))].join(' ');
}

/** `count` colleagues spread over the departments by weight, each with a unique username. */
export function generatePeople(random: Random, count: number): DemoPerson[] {
  const people: DemoPerson[] = [];
  const used = new Set<string>(['admin', 'ana_silva']);
  const pool = DEPARTMENTS.flatMap((department) =>
    Array.from({ length: Math.round(department.weight * 100) }, () => department),
  );
  while (people.length < count) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const username = usernameFor(first, last);
    if (used.has(username)) continue;
    used.add(username);
    const department = random.pick(pool);
    const isLead = random.chance(0.08);
    const title = isLead ? random.pick(department.leads) : random.pick(department.titles);
    const location = random.pick(LOCATIONS);
    const skills = [
      ...random.sample(department.skills, random.int(2, 5)),
      ...(random.chance(0.4) ? random.sample(SHARED_SKILLS, 1) : []),
    ];
    const fields = random.chance(0.45) ? [{ name: 'Pronouns', value: random.pick(PRONOUNS) }] : [];
    people.push({
      username,
      displayName: `${first} ${last}`,
      email: `${username}@${ORGANISATION.domain}`,
      department: department.name,
      title,
      location,
      // A few people never filled in their profile, as in any real organisation.
      skills: random.chance(0.1) ? [] : skills,
      bio: random.chance(0.12) ? '' : bioFor(random, department, title, location),
      fields,
    });
  }
  return people;
}
