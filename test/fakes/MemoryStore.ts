/** `localStorage` in memory: what the verdict cache, the ticked steps and the fix history keep between visits. */
export class MemoryStore {
  public readonly data: Record<string, string> = {};

  public getItem(key: string): string | null { // eslint-disable-line @rushstack/no-new-null
    return key in this.data ? this.data[key] : null;
  }

  public setItem(key: string, value: string): void {
    this.data[key] = value;
  }
}
