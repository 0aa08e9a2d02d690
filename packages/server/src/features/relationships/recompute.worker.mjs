// The full recomputation's own thread (recompute.service.ts starts it). Rapport runs its
// TypeScript sources through tsx, in this thread as in the main one (bin/rapport.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./recompute-thread.ts');
