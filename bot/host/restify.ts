// restify as the host and its tests load it: without the DEP0111 warning it cannot
// help printing (restify-warning.ts, imported first so it runs first).
import './restify-warning.ts';
import restify from 'restify';

export default restify;
