import { type Compilable, CompiledQuery } from 'kysely';
import type { Db } from './tables';

/**
 * What a prepared query takes: scalars, lists, or nothing. A list's length and which
 * arguments are missing are part of the shape (a missing `max_id` changes the SQL).
 */
type Arg = number | string | readonly number[] | readonly string[] | undefined;

/** Where each bound parameter comes from: an argument (and list index), or a constant. */
type Slot = { arg: number; index: number } | { value: unknown };

interface Shape {
  sql: string;
  slots: Slot[];
}

const SENTINEL = '\u0000rapport-arg:';

/**
 * A hot query built by Kysely once per shape and then run with fresh parameters. Building
 * and compiling a query costs more than SQLite takes to run a small indexed one, and the
 * busiest reads (the home timeline's dozen queries) pay it on every request otherwise.
 *
 * The builder is called with placeholder values; the compiled SQL is kept per database
 * and per list lengths, and each parameter is traced back to the argument it came from.
 * Builders must pass every argument through as a bound value (never `sql.lit`), which the
 * first build checks.
 */
export function prepared<A extends Arg[], O>(
  build: (db: Db, ...args: A) => Compilable<O>,
): (db: Db, ...args: A) => Promise<O[]> {
  const shapesByDb = new WeakMap<Db, Map<string, Shape>>();

  const shapeOf = (db: Db, args: A): Shape => {
    let shapes = shapesByDb.get(db);
    if (!shapes) {
      shapes = new Map();
      shapesByDb.set(db, shapes);
    }
    const key = args
      .map((arg) => (Array.isArray(arg) ? arg.length : arg === undefined ? 'u' : '.'))
      .join(',');
    let shape = shapes.get(key);
    if (!shape) {
      shape = compileShape(db, build, args);
      shapes.set(key, shape);
    }
    return shape;
  };

  return async (db, ...args) => {
    const shape = shapeOf(db, args);
    const parameters = shape.slots.map((slot) => {
      if ('value' in slot) return slot.value;
      const arg = args[slot.arg] as Arg;
      return Array.isArray(arg) ? arg[slot.index] : arg;
    });
    const result = await db.executeQuery<O>(CompiledQuery.raw(shape.sql, parameters));
    return result.rows;
  };
}

function compileShape<A extends Arg[], O>(
  db: Db,
  build: (db: Db, ...args: A) => Compilable<O>,
  args: A,
): Shape {
  const placeholders = args.map((arg, i) => {
    if (arg === undefined) return undefined;
    return Array.isArray(arg) ? arg.map((_, j) => `${SENTINEL}${i}.${j}`) : `${SENTINEL}${i}.0`;
  }) as unknown as A;
  const compiled = build(db, ...placeholders).compile();
  const seen = new Set<string>();
  const slots = compiled.parameters.map((parameter): Slot => {
    if (typeof parameter !== 'string' || !parameter.startsWith(SENTINEL)) {
      return { value: parameter };
    }
    seen.add(parameter);
    const [arg, index] = parameter.slice(SENTINEL.length).split('.').map(Number);
    return { arg: arg as number, index: index as number };
  });
  const expected = args.reduce<number>(
    (count, arg) => count + (Array.isArray(arg) ? arg.length : arg === undefined ? 0 : 1),
    0,
  );
  if (seen.size !== expected) {
    throw new Error(`A prepared query must bind every argument as a parameter: ${compiled.sql}`);
  }
  return { sql: compiled.sql, slots };
}

/** A prepared lookup by a list of ids; an empty list is answered without asking the database. */
export function preparedByIds<O>(
  build: (db: Db, ids: number[]) => Compilable<O>,
): (db: Db, ids: number[]) => Promise<O[]> {
  const query = prepared(build);
  return (db, ids) => (ids.length === 0 ? Promise.resolve([]) : query(db, ids));
}
