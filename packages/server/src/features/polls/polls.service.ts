import type { CreateStatusInput } from '@rapport/schema';
import type { Db } from '../../db/tables';

export type PollInput = NonNullable<CreateStatusInput['poll']>;

/** Creates the poll of a new status inside its transaction. (Stub.) */
export async function createPoll(
  _trx: Db,
  _input: { statusId: number; accountId: number; poll: PollInput; now: number },
): Promise<void> {}

/** An edit that changes the options replaces the poll and its votes. (Stub.) */
export async function replacePoll(
  _trx: Db,
  _input: { statusId: number; accountId: number; poll: PollInput | null; now: number },
): Promise<void> {}
