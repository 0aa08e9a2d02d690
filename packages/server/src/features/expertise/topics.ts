import { parseTextQuery, type TextQuery } from '../../db/dialect';
import { foldText, termsOf } from '../accounts/terms';

/**
 * What "who knows about X?" is asked about: the text as typed, the status search query it
 * makes (every word, and "quoted phrases"), and its words folded as profile terms are
 * (lower case, no accents), for matching skills.
 */
export interface Topic {
  text: string;
  query: TextQuery;
  words: string[];
}

export function topicOf(text: string): Topic {
  const query = parseTextQuery(text);
  return { text: text.trim(), query, words: termsOf(text) };
}

/**
 * Words that say nothing about a subject, left out when a question's topic is drawn from
 * its text (the question "does anyone know how we rotate SSO certificates?" is about
 * "rotate", "certificates", not "anyone" or "know").
 */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any anyone anything are around as ask
  asking at be because been before being below between both but by can could did do does
  doing done down during each else ever every few find for from get getting got had has have
  having he help her here hers him his how i if in into is it its just know knows like make
  me might more most much must my need needs no nor not now of off on once one only or other
  our ours out over own please question questions same she should so some someone something
  still such than thank thanks that the their them then there these they thing things this
  those through to too under until up us use used using very want was way we well were what
  when where which while who whom why will with would yet you your yours`.split(/\s+/),
);

/** At most this many topics are drawn from one question, each ranked on its own. */
const QUESTION_TOPICS = 6;

/**
 * The topics of a question: its hashtags first, then its longest meaningful words (longer
 * words tend to be the specific ones: "certificates" before "rotate"). Links and mentions
 * are left out.
 */
export function questionTopics(text: string, hashtags: string[]): Topic[] {
  const words = foldText(
    text
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/@[\w.@-]+/g, ' ')
      .replace(/#[\p{L}\p{N}_]+/gu, ' '),
  )
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4 && !STOP_WORDS.has(word) && !/^\d+$/.test(word));
  const tags = hashtags.map((tag) => foldText(tag)).filter((tag) => !STOP_WORDS.has(tag));
  const byLength = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const chosen = [...new Set([...tags, ...byLength])].slice(0, QUESTION_TOPICS);
  return chosen.map((word) => topicOf(word));
}
