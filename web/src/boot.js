// The single file's first script (web/build.mjs places it right after the analysis worker's source and the
// core's WebAssembly, ahead of the page): starts the analysis worker, which compiles the core while the
// browser reads and draws the rest of the page. main.js takes the worker over.
import { startEarlyWorker } from './start_worker.js';

startEarlyWorker();
