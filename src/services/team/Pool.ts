/** Runs at most `size` tasks at once, in the order they were given. */
export class Pool {
  private readonly _size: number;
  private _running = 0;
  private readonly _waiting: Array<() => void> = [];

  public constructor(size: number) {
    this._size = Math.max(1, size);
  }

  public run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this._running++;
        task()
          .then(resolve, reject)
          .then(() => {
            this._running--;
            const next = this._waiting.shift();
            if (next) {
              next();
            }
          })
          .catch(() => undefined);
      };
      if (this._running < this._size) {
        start();
      } else {
        this._waiting.push(start);
      }
    });
  }
}

