// The analytics thread (runner.ts starts it on SQLite). Rapport runs its TypeScript
// sources through tsx, in this thread as in the main one (bin/rapport.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./compute-thread.ts');
