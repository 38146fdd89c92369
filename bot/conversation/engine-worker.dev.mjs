// The engine thread's entry when the bot itself runs from TypeScript (tests, `tsx`): a worker does
// not inherit the loader of the thread that starts it, so it registers tsx before the worker proper.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
