// Talks to the analysis worker: each request gets an id and a Promise settled by the reply with that id.

export class WorkerClient {
  // `role` names the worker in messages to the reader ("The analysis engine").
  constructor(worker, role = 'The analysis engine') {
    this.worker_ = worker;
    this.nextId_ = 1;
    this.pending_ = new Map();
    this.crashed = false;  // set when the worker failed; its owner may start a new one
    this.crash_ = null;    // the Error it failed with, given to requests made after
    this.onCrash = null;   // called with the error when the worker fails
    worker.onmessage = ({ data }) => {
      const pending = this.pending_.get(data.id);
      if (!pending) return;
      this.pending_.delete(data.id);
      if (data.error) pending.reject(toError(data.error));
      else pending.resolve(data.result);
    };
    this.role_ = role;
    // A worker that fails to start or crashes fails every request in flight with a message.
    worker.onerror = (event) => {
      event.preventDefault();
      this.failed(event.message);
    };
  }

  // The worker failed with `message` (an error's text): requests in flight fail, and onCrash is called.
  failed(message) {
    if (this.crashed) return;
    this.crashed = true;
    const error = toError({ code: 'worker.crashed', message: `[worker.crashed] ${this.role_} stopped: it ${crashCause(message)}.` });
    this.crash_ = error;
    for (const pending of this.pending_.values()) pending.reject(error);
    this.pending_.clear();
    this.worker_.terminate();
    this.onCrash?.(error);
  }

  // Stops the worker on purpose: requests in flight fail with `reason` ({code, message}), and onCrash is
  // not called.
  terminate(reason = { code: 'worker.stopped', message: '[worker.stopped] The engine was stopped.' }) {
    this.crashed = true;
    this.worker_.terminate();
    const error = toError(reason);
    for (const pending of this.pending_.values()) pending.reject(error);
    this.pending_.clear();
  }

  // Sends {action, ...args}; `transfer` lists ArrayBuffers handed over without copying.
  request(action, args = {}, transfer = []) {
    const id = this.nextId_++;
    if (this.crashed) {
      // What stopped this worker, when it failed before the request (its owner is starting a new one).
      return Promise.reject(this.crash_ ?? toError({ code: 'worker.crashed', message: '[worker.crashed] The engine is restarting; try again in a moment.' }));
    }
    return new Promise((resolve, reject) => {
      this.pending_.set(id, { resolve, reject });
      this.worker_.postMessage({ id, action, ...args }, transfer);
    });
  }
}

// An Error carrying the core's stable code, with the core's "[code] message" text as its message.
export function toError({ code, message }) {
  const error = new Error(message);
  error.code = code;
  return error;
}

// What stopped a worker, in plain words, from the error it died of: wasm's memory is at most 4 GB, and a
// request that needs more aborts the module ("Aborted(OOM)", "Cannot enlarge memory"), and an answer too
// large for JavaScript is a RangeError (an ArrayBuffer, array or string that cannot be made); anything else
// (a trap such as "unreachable") is a fault of ours.
export function crashCause(message = '') {
  const detail = String(message).replace(/^Uncaught /, '');
  if (/\bOOM\b|out of memory|enlarge memory|allocation failed|Array buffer allocation|Invalid (array|string) length/i.test(detail)) {
    return 'ran out of memory (the browser gives it at most 4 GB)';
  }
  return `met an internal error (${detail || 'no details given'})`;
}
