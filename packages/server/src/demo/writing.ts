import type { Member } from './cast';
import { ORGANISATION } from './organisation';
import type { Random } from './random';

/** The organisation's running projects, mentioned across departments. */
export const PROJECTS = [
  { name: 'Atlas', what: 'the new onboarding flow', slug: 'atlas' },
  { name: 'Lantern', what: 'the search rewrite', slug: 'lantern' },
  { name: 'Harbour', what: 'the billing platform migration', slug: 'harbour' },
  { name: 'Compass', what: 'the admin console redesign', slug: 'compass' },
  { name: 'Beacon', what: 'mobile app 3.0', slug: 'beacon' },
] as const;
export type Project = (typeof PROJECTS)[number];

/** The big release of the quarter, announced under #launch. */
export const RELEASE = 'Meridian 5';

export const CUSTOMERS = [
  'Northwind Traders',
  'Contoso Bank',
  'Fabrikam',
  'Tailwind Health',
  'Litware',
  'Wide World Importers',
  'Adventure Works',
  'Alpine Ski House',
  'Woodgrove Bank',
  'Proseware',
  'Acme Corp',
  'Globex',
];

export const CONFERENCES = [
  { name: 'KubeCon Europe', departments: ['Engineering'] },
  { name: 'LeadDev London', departments: ['Engineering'] },
  { name: 'NodeConf EU', departments: ['Engineering'] },
  { name: 'Mind the Product', departments: ['Product'] },
  { name: 'Config', departments: ['Design', 'Product'] },
  { name: 'UX London', departments: ['Design'] },
  { name: 'SaaStr Europa', departments: ['Sales', 'Marketing', 'Finance'] },
  { name: 'Web Summit', departments: ['Marketing', 'Sales', 'Product'] },
  { name: 'Support Driven Expo', departments: ['Customer Success'] },
  { name: 'CIPD Festival of Work', departments: ['People & Culture'] },
  { name: 'Money20/20', departments: ['Finance'] },
];

export const BOOKS = [
  'Piranesi',
  'Project Hail Mary',
  'Klara and the Sun',
  'The Ministry of Time',
  'Tomorrow, and Tomorrow, and Tomorrow',
  'Babel',
];

/** Each department's hashtag and its space on the intranet wiki. */
export const DEPARTMENT_TAGS: Record<string, { tag: string; space: string }> = {
  Engineering: { tag: 'engineering', space: 'engineering' },
  Product: { tag: 'product', space: 'product' },
  Design: { tag: 'design', space: 'design' },
  Sales: { tag: 'sales', space: 'sales' },
  'Customer Success': { tag: 'customersuccess', space: 'customer-success' },
  Marketing: { tag: 'marketing', space: 'marketing' },
  'People & Culture': { tag: 'peopleandculture', space: 'people' },
  Finance: { tag: 'finance', space: 'finance' },
};

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/**
 * What a template writes with: the author, seeded choices, and colleagues to mention.
 * Every `@mention` a template writes goes through `mention`, so the generator knows who
 * was addressed (they can see a direct status, answer it, thank for it).
 */
export class Writer {
  readonly mentioned: Member[] = [];

  constructor(
    readonly random: Random,
    readonly author: Member,
    readonly at: number,
    private readonly people: {
      colleagues: (author: Member, at: number) => Member[];
      everyone: (at: number) => Member[];
    },
  ) {}

  pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }

  int(min: number, max: number): number {
    return this.random.int(min, max);
  }

  chance(probability: number): boolean {
    return this.random.chance(probability);
  }

  mention(member: Member): string {
    if (!this.mentioned.includes(member)) this.mentioned.push(member);
    return `@${member.username}`;
  }

  private fresh(candidates: Member[]): Member | undefined {
    const unused = candidates.filter(
      (m) => m.id !== this.author.id && !this.mentioned.includes(m) && m.segment !== 'dormant',
    );
    return unused.length > 0 ? this.pick(unused) : undefined;
  }

  /** A colleague from the author's department (anyone when the department is too small). */
  colleague(): string {
    const member =
      this.fresh(this.people.colleagues(this.author, this.at)) ??
      this.fresh(this.people.everyone(this.at));
    return member ? this.mention(member) : 'the team';
  }

  /** Someone from another department. */
  someoneElse(): string {
    const member = this.fresh(
      this.people.everyone(this.at).filter((m) => m.department !== this.author.department),
    );
    return member ? this.mention(member) : 'everyone who helped';
  }

  /** Someone who lists the skill on their profile, when anyone does. */
  expert(skill: string): string | undefined {
    const member = this.fresh(
      this.people.everyone(this.at).filter((m) => m.skills.includes(skill)),
    );
    return member ? this.mention(member) : undefined;
  }

  wiki(path: string): string {
    return `https://wiki.${ORGANISATION.domain}/${path}`;
  }

  /** The author's department space on the wiki, and its hashtag. */
  get space(): string {
    return DEPARTMENT_TAGS[this.author.department]?.space ?? 'general';
  }

  get departmentTag(): string {
    return `#${DEPARTMENT_TAGS[this.author.department]?.tag ?? 'general'}`;
  }

  skill(): string {
    return this.author.skills.length > 0 ? this.pick(this.author.skills) : 'our tooling';
  }

  customer(): string {
    return this.pick(CUSTOMERS);
  }

  project(): Project {
    return this.pick(PROJECTS);
  }

  weekday(): string {
    return this.pick(WEEKDAYS);
  }

  slug(text: string): string {
    return text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  }
}
