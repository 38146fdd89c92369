// restify 11 reaches process.binding('http_parser') (through spdy, which it loads for
// HTTP/2) as it loads, so Node prints the DEP0111 deprecation at every start; the user can
// do nothing about it. Importing this module drops that one warning, for good; every other
// warning is still printed. It is imported before restify wherever restify is loaded
// (bot/host/restify.ts, and `roleplay serve` before the compiled bundle loads).
let installed = false;

function hideRestifyDeprecation(): void {
  if (installed) return;
  installed = true;
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  const filtered = (...args: unknown[]): void => {
    const [, typeOrOptions, code] = args;
    const warningCode = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: unknown }).code : code;
    if (warningCode === 'DEP0111') return;
    emit(...args);
  };
  // emitWarning is overloaded; the filter passes every argument through unchanged.
  process.emitWarning = filtered as typeof process.emitWarning;
}

hideRestifyDeprecation();
