import type { ModerationAction, ModerationReport, ReportCategory } from '@rapport/schema';

/** In the order a reporter reads them: the common cases first, "something else" last. */
export const REPORT_CATEGORIES: readonly ReportCategory[] = ['spam', 'violation', 'legal', 'other'];

/** The order moderators see the actions in: the mildest first, suspension last. */
const ACTION_ORDER: readonly ModerationAction[] = ['hide', 'remove', 'dismiss', 'suspend'];

/** Every action but a dismissal is explained to the author, so it needs a reason. */
export function reasonRequired(action: ModerationAction): boolean {
  return action !== 'dismiss';
}

/** Removing statuses and suspending an account cannot be undone from here: asked twice. */
export function needsConfirmation(action: ModerationAction): boolean {
  return action === 'remove' || action === 'suspend';
}

/**
 * What this moderator is offered: what the server allows them, minus hiding or removing
 * when no reported status is left to act on (the server refuses those for account reports).
 */
export function offeredActions(
  report: Pick<ModerationReport, 'allowed_actions' | 'statuses'>,
): ModerationAction[] {
  const anyStatus = report.statuses.some((status) => status.exists);
  return ACTION_ORDER.filter(
    (action) =>
      report.allowed_actions.includes(action) &&
      (anyStatus || (action !== 'hide' && action !== 'remove')),
  );
}

/** Open until someone acts; then what was done. */
export function reportState(
  report: Pick<ModerationReport, 'action' | 'action_taken_at'>,
): 'open' | ModerationAction {
  return report.action_taken_at === null || report.action === null ? 'open' : report.action;
}

/** Characters left under a limit, counted as the server counts them (UTF-16 code units). */
export function charactersLeft(text: string, limit: number): number {
  return limit - text.length;
}

/**
 * A reason placed inside a sentence ("Hidden by a moderator: {reason}. Only you...") loses
 * its own final full stop, so the sentence does not end in two.
 */
export function withoutFinalStop(text: string): string {
  return text.trim().replace(/\.+$/, '');
}
