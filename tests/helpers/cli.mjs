// Runs the native textx CLI, the reference every other surface is compared with.
import { execFileSync } from 'node:child_process';
import { cli, seedCorpus } from './paths.mjs';

// The CLI's --json concordance of `query` over the seed corpus.
export function cliConcordance(query, ...flags) {
  return JSON.parse(execFileSync(cli, ['concord', '--json', ...flags, query, seedCorpus], { encoding: 'utf8' }));
}

// The CLI's --json stats of the seed corpus.
export function cliStats() {
  return JSON.parse(execFileSync(cli, ['stats', '--json', seedCorpus], { encoding: 'utf8' }));
}

// The CLI's --json frequency list of the seed corpus.
export function cliFrequency(...flags) {
  return JSON.parse(execFileSync(cli, ['freq', '--json', ...flags, seedCorpus], { encoding: 'utf8' }));
}

// The CLI's --json paragraph diff of two files (or, with --paragraph, collation of several).
export function cliDiff(paths, ...flags) {
  return JSON.parse(execFileSync(cli, ['diff', '--json', ...flags, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}
