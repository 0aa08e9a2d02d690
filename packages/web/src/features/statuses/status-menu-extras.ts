import type { Status } from '@rapport/schema';
import { createContext } from 'react';
import type { MenuEntry } from '../../components/DropdownMenu';

/**
 * More entries for the "…" menu of the statuses below, from the page showing them (a
 * community page lets its moderators pin). Null: nothing more.
 */
export type StatusMenuExtras = (status: Status) => MenuEntry[];

export const StatusMenuExtrasContext = createContext<StatusMenuExtras | null>(null);
