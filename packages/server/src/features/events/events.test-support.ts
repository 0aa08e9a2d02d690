import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type Person, person } from './events.fixtures';

/**
 * What the events tests share: one app per test file with three people in it, started by
 * `useEventsApp()`. The bindings are live, set once the app has started.
 */
export let t: TestApp;
export let ana: Person;
export let ben: Person;
export let admin: Person;

/** Starts the app and its people before the file's tests and closes it after them. */
export function useEventsApp(): void {
  beforeAll(async () => {
    t = await startTestApp();
    ana = await person(t, 'member', 'Ana Silva');
    ben = await person(t, 'member', 'Ben Okafor');
    admin = await person(t, 'admin');
  });
  afterAll(() => t.close());
}

export const EVENTS = '/api/rapport/v1/events';
