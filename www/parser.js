// The worker client: calls into worker.js, one at a time in order, with a
// watchdog. A call that makes no progress for too long (a parse that hangs)
// is cancelled: the worker is terminated and a fresh one started, and the
// call fails with a TimeoutError, so the page never stays stuck.

/** The call was cancelled (the worker was restarted on purpose). */
export class Cancelled extends Error {}

/** The call made no progress within the watchdog's time. */
export class TimeoutError extends Error {
  constructor(seconds) {
    super(`no progress in ${seconds} s`);
    this.seconds = seconds;
  }
}

/**
 * How long a call may go without progress: 10 s, plus 2 s per MB of its
 * input (the wasm parser reads 30 MB/s or more, so this is never reached by
 * a parse that is merely slow). `?watchdog=MS` in the page's URL sets it
 * outright (for tests).
 */
function watchdogMs(bytes) {
  const forced = Number(new URLSearchParams(location.search).get('watchdog'));
  if (forced > 0) return forced;
  return 10_000 + 2_000 * (bytes / 1e6);
}

export class Parser {
  /**
   * @param {{ onReady(info), onFailed(message), onRestart(reason) }} hooks
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.nextId = 1;
    this.pending = new Map(); // id → { resolve, reject, onEvent, timer, ms }
    this.broken = false;
    this.start();
  }

  start() {
    this.broken = false;
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.worker = worker;
    worker.onmessage = ({ data }) => {
      const call = this.pending.get(data.id);
      if (!call) return;
      if (!('ok' in data)) {
        this.arm(data.id, call); // progress: the watchdog starts over
        call.onEvent?.(data);
        return;
      }
      this.settle(data.id);
      if (data.ok) call.resolve(data.result);
      else call.reject(new Error(data.error));
      if (data.fatal) this.restart(new Error('the parser stopped on an internal error and was restarted'));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.broken = true; // e.g. jianbao.js failed to load: later calls fail at once
      const err = new Error(event.message || 'worker error');
      for (const id of [...this.pending.keys()]) {
        const call = this.pending.get(id);
        this.settle(id);
        call.reject(err);
      }
      this.hooks.onFailed(err.message);
    };
    this.call('init').then((info) => this.hooks.onReady(info), (err) => this.hooks.onFailed(err.message));
  }

  /**
   * Calls `op`; `onEvent` gets the worker's progress messages. With `watch`
   * (a parse), the watchdog restarts a worker that makes no progress for
   * too long; other calls are quick and never hang.
   */
  call(op, payload = {}, { transfer = [], onEvent = null, bytes = 0, watch = false } = {}) {
    if (this.broken) return Promise.reject(new Error('the parser is not available'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const call = { resolve, reject, onEvent, timer: 0, ms: watch ? watchdogMs(bytes) : 0 };
      this.pending.set(id, call);
      this.arm(id, call);
      this.worker.postMessage({ id, op, ...payload }, transfer);
    });
  }

  arm(id, call) {
    clearTimeout(call.timer);
    if (!call.ms) return;
    call.timer = setTimeout(() => {
      const err = new TimeoutError(Math.round(call.ms / 100) / 10);
      this.settle(id);
      call.reject(err);
      this.restart(err);
    }, call.ms);
  }

  settle(id) {
    const call = this.pending.get(id);
    if (call) clearTimeout(call.timer);
    this.pending.delete(id);
  }

  /** Terminates the worker (whatever it is doing) and starts a fresh one. */
  restart(reason = new Cancelled('cancelled')) {
    this.worker.terminate();
    for (const id of [...this.pending.keys()]) {
      const call = this.pending.get(id);
      this.settle(id);
      call.reject(reason instanceof Cancelled ? reason : new Cancelled(reason.message));
    }
    this.hooks.onRestart?.(reason);
    this.start();
  }
}
