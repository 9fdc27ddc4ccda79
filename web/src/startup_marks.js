// Moments of the page's start, as marks in the Performance timeline (performance.getEntriesByType('mark'),
// named "textx:…"), for bench/page_bench.mjs and anyone profiling the page. A mark costs microseconds.
// The analysis worker keeps its own moments as times since the epoch (its clock starts when it does); the
// page turns them into marks on its own clock.

export function mark(name) {
  performance.mark(`textx:${name}`);
}

// Marks the worker's moments: [[name, milliseconds since the epoch]].
export function markWorkerMoments(moments) {
  for (const [name, epochMs] of moments) performance.mark(`textx:worker:${name}`, { startTime: Math.max(0, epochMs - performance.timeOrigin) });
}
