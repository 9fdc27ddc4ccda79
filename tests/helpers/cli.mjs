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

// The CLI's --json n-gram list of the seed corpus.
export function cliNgrams(...flags) {
  return JSON.parse(execFileSync(cli, ['ngrams', '--json', ...flags, seedCorpus], { encoding: 'utf8' }));
}

// The CLI's --json collocates of `query` in the seed corpus.
export function cliCollocates(query, ...flags) {
  return JSON.parse(execFileSync(cli, ['collocates', '--json', ...flags, query, seedCorpus], { encoding: 'utf8' }));
}

// Dispersion, keyness, trend.

// The CLI's --json dispersion of `query` over `paths` (default: the seed corpus).
export function cliDispersion(query, flags = [], paths = [seedCorpus]) {
  return JSON.parse(execFileSync(cli, ['dispersion', '--json', ...flags, query, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

// The CLI's --json keyness of the seed corpus with `flags` (--target … at least).
export function cliKeyness(...flags) {
  return JSON.parse(execFileSync(cli, ['keyness', '--json', ...flags, seedCorpus], { encoding: 'utf8' }));
}

// The CLI's --json trend of `query` over `paths` (default: the seed corpus).
export function cliTrend(query, flags = [], paths = [seedCorpus]) {
  return JSON.parse(execFileSync(cli, ['trend', '--json', ...flags, query, ...paths], { encoding: 'utf8' }));
}

// The CLI's --json text-reuse answer over the seed corpus (corpus-wide, or with --doc/--text flags).
export function cliReuse(...flags) {
  return JSON.parse(execFileSync(cli, ['reuse', '--json', ...flags, seedCorpus], { encoding: 'utf8' }));
}

// The CLI's --json paragraph diff of two files (or, with --paragraph, collation of several).
export function cliDiff(paths, ...flags) {
  return JSON.parse(execFileSync(cli, ['diff', '--json', ...flags, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}
