import { FIRST_NAMES, LAST_NAMES, PRONOUNS, SHARED_SKILLS } from './names';
import { DEPARTMENTS, type Department, LOCATIONS, ORGANISATION } from './organisation';
import type { Random } from './random';

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
