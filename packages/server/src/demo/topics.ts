import { BUILDING_TOPICS } from './topics-building';
import { SELLING_TOPICS } from './topics-selling';
import type { Writer } from './writing';

/**
 * What each department posts about: project updates, questions to colleagues (the skill
 * says who could answer) and things learnt. Every template draws its numbers, customers
 * and colleagues from the writer, so no two statuses come out the same.
 */
export type Template = (w: Writer) => string;
export interface Question {
  skill: string;
  text: Template;
}
export interface DepartmentTopics {
  updates: Template[];
  questions: Question[];
  learnt: Template[];
}

/** Every department's topics: those who build the product, then those who sell, support and run it. */
export const TOPICS: Record<string, DepartmentTopics> = { ...BUILDING_TOPICS, ...SELLING_TOPICS };
