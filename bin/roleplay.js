#!/usr/bin/env node
// Launcher. The sources are TypeScript; a compiled copy of exactly the current
// sources (bin/build.js, made by `npm install` or on the first run after an
// edit) starts much faster than compiling through tsx. When no build can be
// made, the sources run through tsx as before.
import { compiledMain } from './build.js';

const compiled = await compiledMain();
let main;
if (compiled) {
  ({ main } = await import(new URL(`file://${compiled}`).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
