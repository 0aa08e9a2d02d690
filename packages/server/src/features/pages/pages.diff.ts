import type { DiffHunk, DiffLine, DiffPart } from '@rapport/schema';
import { diffLines, diffWordsWithSpace, structuredPatch } from 'diff';

/** Lines of context around each change, as `diff -u` shows them. */
const CONTEXT = 3;
/** A diff that takes longer is shown as a whole replacement instead (very large rewrites). */
const TIMEOUT_MS = 1500;

/** One convention for both sides: LF line ends and a final newline, so only words differ. */
function normalise(body: string): string {
  const text = body.replace(/\r\n?/g, '\n');
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** Lines added and removed from `before` to `after`, for the history. */
export function countChangedLines(
  before: string,
  after: string,
): { added: number; removed: number } {
  const changes = diffLines(normalise(before), normalise(after), { timeout: TIMEOUT_MS });
  if (!changes) return wholeReplacementCounts(before, after);
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    if (change.added) added += change.count;
    else if (change.removed) removed += change.count;
  }
  return { added, removed };
}

function linesOf(body: string): string[] {
  return body === '' ? [] : normalise(body).slice(0, -1).split('\n');
}

function wholeReplacementCounts(before: string, after: string) {
  return { added: linesOf(after).length, removed: linesOf(before).length };
}

/**
 * Two lines are shown word by word only when they still share much of their text (Dice
 * coefficient: twice the shared characters over both lengths); a line rewritten from
 * scratch reads better struck through whole and written anew.
 */
const MIN_SHARED = 0.4;

/** Appends a part, merging it into the previous one when both are the same kind. */
function push(parts: DiffPart[], text: string, change: DiffPart['change']): void {
  const last = parts.at(-1);
  if (last && last.change === change) last.text += text;
  else parts.push({ text, change });
}

/** Word-level changes inside a line changed in place, or null when it was rewritten. */
function wordChanges(
  before: string,
  after: string,
): { removed: DiffPart[]; added: DiffPart[] } | null {
  let shared = 0;
  const removed: DiffPart[] = [];
  const added: DiffPart[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    if (change.added) push(added, change.value, 'added');
    else if (change.removed) push(removed, change.value, 'removed');
    else {
      shared += change.value.trim().length;
      push(removed, change.value, 'same');
      push(added, change.value, 'same');
    }
  }
  const total = before.trim().length + after.trim().length;
  if (total === 0 || (2 * shared) / total < MIN_SHARED) return null;
  return { removed, added };
}

/**
 * Pairs the removed and added lines of one change block (the i-th removed line with the
 * i-th added one) and marks the words that changed between them.
 */
function markWords(removed: DiffLine[], added: DiffLine[]): void {
  const pairs = Math.min(removed.length, added.length);
  for (let i = 0; i < pairs; i++) {
    const from = removed[i] as DiffLine;
    const to = added[i] as DiffLine;
    const words = wordChanges(from.text, to.text);
    if (!words) continue;
    from.parts = words.removed;
    to.parts = words.added;
  }
}

/** Turns the library's unified hunks into structured lines with numbers on both sides. */
function structureHunk(hunk: {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}): DiffHunk {
  const lines: DiffLine[] = [];
  let fromLine = hunk.oldStart;
  let toLine = hunk.newStart;
  let removedRun: DiffLine[] = [];
  let addedRun: DiffLine[] = [];
  const closeRun = () => {
    markWords(removedRun, addedRun);
    removedRun = [];
    addedRun = [];
  };
  for (const raw of hunk.lines) {
    const marker = raw[0];
    const text = raw.slice(1);
    if (marker === '-') {
      if (addedRun.length > 0) closeRun();
      const line: DiffLine = { type: 'removed', text, from_line: fromLine++, to_line: null };
      removedRun.push(line);
      lines.push(line);
    } else if (marker === '+') {
      const line: DiffLine = { type: 'added', text, from_line: null, to_line: toLine++ };
      addedRun.push(line);
      lines.push(line);
    } else if (marker === ' ') {
      closeRun();
      lines.push({ type: 'context', text, from_line: fromLine++, to_line: toLine++ });
    }
    // "\ No newline at end of file" cannot occur: both sides end with a newline.
  }
  closeRun();
  return {
    from_start: hunk.oldStart,
    from_lines: hunk.oldLines,
    to_start: hunk.newStart,
    to_lines: hunk.newLines,
    lines,
  };
}

/** A readable diff between two bodies: hunks of changed lines with their context. */
export function diffBodies(before: string, after: string): DiffHunk[] {
  const patch = structuredPatch('before', 'after', normalise(before), normalise(after), '', '', {
    context: CONTEXT,
    timeout: TIMEOUT_MS,
  });
  if (patch) return patch.hunks.map(structureHunk);
  const from = linesOf(before);
  const to = linesOf(after);
  return [
    structureHunk({
      oldStart: 1,
      oldLines: from.length,
      newStart: 1,
      newLines: to.length,
      lines: [...from.map((line) => `-${line}`), ...to.map((line) => `+${line}`)],
    }),
  ];
}
