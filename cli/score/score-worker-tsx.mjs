// Entry of a scoring worker when roleplay runs from the TypeScript sources: a worker
// thread does not inherit the parent's loader hooks, so tsx is registered here first.
import { register } from 'tsx/esm/api';

register();
await import('./score-worker.ts');
