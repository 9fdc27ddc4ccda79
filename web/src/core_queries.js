// The core's query methods a script or an embedding page may call by name: every query and statistic, none
// that changes the corpus. The worker checks the name again before calling the method.
export const kCoreQueries = ['concordance', 'frequency', 'ngrams', 'collocates', 'dispersion', 'keyness', 'trend', 'reuse',
  'sharedPassages', 'diff', 'collate', 'documentText', 'stats'];
