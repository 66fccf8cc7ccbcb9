/** Runs at most `size` tasks at once; waiting ones start lowest `priority` first, then in the order given. */
export class Pool {
  private readonly _size: number;
  private _running = 0;
  private _order = 0;
  private readonly _waiting: Array<{ priority: number; order: number; start: () => void }> = [];

  public constructor(size: number) {
    this._size = Math.max(1, size);
  }

  public run<T>(task: () => Promise<T>, priority: number = 0): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this._running++;
        task()
          .then(resolve, reject)
          .then(() => {
            this._running--;
            const next = this._next();
            if (next) {
              next();
            }
          })
          .catch(() => undefined);
      };
      if (this._running < this._size) {
        start();
      } else {
        this._waiting.push({ priority, order: this._order++, start });
      }
    });
  }

  private _next(): (() => void) | undefined {
    let best = -1;
    for (let i = 0; i < this._waiting.length; i++) {
      const w = this._waiting[i];
      if (best < 0 || w.priority < this._waiting[best].priority || (w.priority === this._waiting[best].priority && w.order < this._waiting[best].order)) {
        best = i;
      }
    }
    return best < 0 ? undefined : this._waiting.splice(best, 1)[0].start;
  }
}
