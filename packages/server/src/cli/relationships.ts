import fs from 'node:fs';
import readline from 'node:readline';
import type { AppContext } from '../context';
import { importInteractions } from '../features/relationships/import.service';
import { startRecompute } from '../features/relationships/recompute.service';

const n = (value: number) => value.toLocaleString('en');

/**
 * `rapport import interactions FILE`: the file is read line by line, so its size has no
 * limit. Returns the report and whether every line was good.
 */
export async function importInteractionsFile(
  ctx: AppContext,
  file: string | undefined,
): Promise<{ report: string; ok: boolean }> {
  if (!file) throw new Error('Give the file to import: rapport import interactions FILE');
  if (!fs.existsSync(file)) throw new Error(`No file ${file}`);
  const lines = readline.createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // The server may be running on the same database: the import makes room for its writes.
  const result = await importInteractions(ctx, lines, null, { besideServer: true });
  const rejected = result.lines - result.imported - result.duplicates;
  const report = [
    `Read ${n(result.lines)} lines: imported ${n(result.imported)}, ${n(result.duplicates)} already imported, ${n(rejected)} rejected.`,
    ...result.errors.map((error) => `  line ${error.line}: ${error.message}`),
    rejected > result.errors.length ? `  ... and ${n(rejected - result.errors.length)} more` : '',
  ];
  return { report: report.filter(Boolean).join('\n'), ok: rejected === 0 };
}

/** `rapport relationships recompute`: the full recomputation, in its worker thread. */
export async function recomputeRelationshipsNow(ctx: AppContext): Promise<string> {
  const figures = await startRecompute(ctx);
  return `Recomputed the relationships of ${n(figures.people)} people from ${n(figures.interactions)} interactions: ${n(figures.pairs)} ${figures.pairs === 1 ? 'pair' : 'pairs'}, in ${(figures.duration_ms / 1000).toFixed(1)} s.`;
}
