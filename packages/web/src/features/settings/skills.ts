import { ACCOUNT_LIMITS } from '@rapport/schema/limits';

/**
 * Adds the skills typed or pasted (comma-separated) to the list: trimmed, cut to the
 * server's length limit, without duplicates (ignoring case), up to the maximum count.
 */
export function addSkills(current: readonly string[], text: string): string[] {
  const next = [...current];
  const seen = new Set(current.map((skill) => skill.toLocaleLowerCase()));
  for (const raw of text.split(',')) {
    const skill = raw.trim().replace(/\s+/g, ' ').slice(0, ACCOUNT_LIMITS.skill).trim();
    if (!skill || seen.has(skill.toLocaleLowerCase())) continue;
    if (next.length >= ACCOUNT_LIMITS.skills) break;
    seen.add(skill.toLocaleLowerCase());
    next.push(skill);
  }
  return next;
}
