import type { AnalyticsFrame, SiloDepartment, Silos, SilosReport } from '@rapport/schema';
import type { Db } from '../../db/tables';
import { type CsvTable, frameOf, type ReportInput, suppressedReport } from './analytics.service';
import { scopeMembers } from './scope.queries';
import { accountDepartments, interactionPairs, optedOutIds, type PairCount } from './silos.queries';
import { round } from './stats';

/**
 * A department is isolated when fewer than 10% of the interactions its people start reach
 * another department: nine in ten of its acts stay at home.
 */
export const ISOLATED_THRESHOLD = 0.1;
/** The row of the people who list no department. */
export const NO_DEPARTMENT = 'No department';
/** The row pooling the departments with fewer than `min_group_size` people. */
export const OTHER = 'Other';

/** Who is counted in silos, by person: the group (department) each belongs to. */
export type SiloPeople = Map<number, string>;

/**
 * The silos report (admins; always the whole organisation): the department-by-department
 * interaction matrix, the share of interactions crossing a department boundary, and
 * reciprocity. Silos go beyond organisation totals, so people who opted out of analytics
 * are left out entirely (their acts, both ways, too); so are guests and suspended people.
 */
export async function computeSilos(db: Db, input: ReportInput): Promise<SilosReport> {
  const [members, departmentOf, optedOut, pairs] = await Promise.all([
    scopeMembers(db, { kind: 'organisation' }, input.period.to),
    accountDepartments(db),
    optedOutIds(db),
    interactionPairs(db, input.period),
  ]);
  const people: SiloPeople = new Map();
  for (const id of members) {
    if (optedOut.has(id)) continue;
    people.set(id, departmentOf.get(id) || NO_DEPARTMENT);
  }
  if (people.size < input.minGroupSize) return suppressedReport(input);
  return { ...frameOf(input), suppressed: false, ...silosOf(people, pairs, input.minGroupSize) };
}

/**
 * The figures, from who is in which department and who reached whom how often:
 * - rows: every department with at least `minGroupSize` people; smaller ones (the people
 *   without a department alike) are pooled as "Other", itself withheld (with its people's
 *   acts) when it is still under the minimum;
 * - matrix[i][j]: acts from people of row i to people of row j;
 * - crossing: an act between two different departments, as they really are (two small
 *   departments pooled in "Other" reaching each other do cross, though their cell is the
 *   diagonal Other -> Other); people without a department form one group for this;
 * - reciprocity: of the ordered pairs (a, b) where a reached b, the share where b also
 *   reached a.
 */
export function silosOf(
  people: SiloPeople,
  pairs: PairCount[],
  minGroupSize: number,
): Omit<Silos, keyof AnalyticsFrame | 'suppressed'> {
  const sizes = new Map<string, number>();
  for (const group of people.values()) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const rowOfGroup = new Map<string, string>();
  let pooled = 0;
  for (const [group, size] of sizes) {
    if (size >= minGroupSize) rowOfGroup.set(group, group);
    else pooled += size;
  }
  // A department really called "Other" takes the pooled people in: one row, one name.
  const showOther = pooled > 0 && (pooled >= minGroupSize || rowOfGroup.has(OTHER));
  for (const [group, size] of sizes) {
    if (size < minGroupSize && showOther) rowOfGroup.set(group, OTHER);
  }
  const names = [...new Set(rowOfGroup.values())].sort(byRowOrder);
  const index = new Map(names.map((name, i) => [name, i]));
  const rowOf = new Map<number, number>();
  const rowSizes = names.map(() => 0);
  for (const [id, group] of people) {
    const name = rowOfGroup.get(group);
    if (name === undefined) continue;
    const row = index.get(name) ?? 0;
    rowOf.set(id, row);
    rowSizes[row] = (rowSizes[row] ?? 0) + 1;
  }

  const matrix = names.map(() => names.map(() => 0));
  const started = names.map(() => 0);
  const crossStarted = names.map(() => 0);
  const reached = new Set<string>();
  const counted: PairCount[] = [];
  let total = 0;
  let crossing = 0;
  for (const pair of pairs) {
    const from = rowOf.get(pair.actor_id);
    const to = rowOf.get(pair.target_id);
    if (from === undefined || to === undefined) continue;
    const row = matrix[from] as number[];
    row[to] = (row[to] ?? 0) + pair.count;
    total += pair.count;
    started[from] = (started[from] ?? 0) + pair.count;
    if (people.get(pair.actor_id) !== people.get(pair.target_id)) {
      crossing += pair.count;
      crossStarted[from] = (crossStarted[from] ?? 0) + pair.count;
    }
    counted.push(pair);
    reached.add(`${pair.actor_id}:${pair.target_id}`);
  }
  const mutual = counted.filter((pair) => reached.has(`${pair.target_id}:${pair.actor_id}`));

  const departments: SiloDepartment[] = names.map((name, i) => {
    const cross = share(crossStarted[i] ?? 0, started[i] ?? 0);
    return {
      name,
      members: rowSizes[i] ?? 0,
      cross_share: cross,
      isolated: cross !== null && cross < ISOLATED_THRESHOLD,
    };
  });
  return {
    departments,
    matrix,
    total_interactions: total,
    cross_department_share: share(crossing, total),
    reciprocity: share(mutual.length, counted.length),
    isolated_threshold: ISOLATED_THRESHOLD,
  };
}

/** Departments by name, then the people without one, then the pooled row. */
function byRowOrder(a: string, b: string): number {
  const rank = (name: string) => (name === OTHER ? 2 : name === NO_DEPARTMENT ? 1 : 0);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

/** The silos report's CSV downloads: the matrix, and the departments with their shares. */
export const SILOS_TABLES: Record<string, (report: Silos) => CsvTable> = {
  matrix: (report) => ({
    header: ['from \\ to', ...report.departments.map((row) => row.name)],
    rows: report.matrix.map((row, i) => [report.departments[i]?.name ?? '', ...row]),
  }),
  departments: (report) => ({
    header: [
      'department',
      'members',
      'interactions_started',
      'interactions_received',
      'cross_share',
      'isolated',
    ],
    rows: report.departments.map((row, i) => [
      row.name,
      row.members,
      (report.matrix[i] ?? []).reduce((a, b) => a + b, 0),
      report.matrix.reduce((sum, from) => sum + (from[i] ?? 0), 0),
      row.cross_share,
      row.isolated,
    ]),
  }),
};
