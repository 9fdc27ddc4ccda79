// Lets the reader stop a request that takes long (a statistic over a large corpus, a costly query). A call
// into wasm cannot be interrupted halfway, so stopping ends the engine and starts a new one, which loads
// the documents again (onStop). The "Still working… Stop" line shows once a request has run kShowAfterMs.
const kShowAfterMs = 1000;

export class StopControl {
  constructor(box, button, onStop) {
    this.box_ = box;
    this.pending_ = 0;
    this.timer_ = null;
    button.addEventListener('click', () => {
      this.hide_();
      onStop();
    });
  }

  // Resolves or rejects as `promise` does, showing the Stop line while it (or another tracked one) runs long.
  async track(promise) {
    if (++this.pending_ === 1) this.timer_ = setTimeout(() => { this.box_.hidden = false; }, kShowAfterMs);
    try {
      return await promise;
    } finally {
      if (--this.pending_ === 0) this.hide_();
    }
  }

  hide_() {
    clearTimeout(this.timer_);
    this.box_.hidden = true;
  }
}
