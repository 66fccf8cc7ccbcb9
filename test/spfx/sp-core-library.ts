/**
 * What the web part uses of `@microsoft/sp-core-library`, which only SharePoint's page can load (its real module
 * needs SharePoint's flighting runtime): the same names and values.
 */
export enum DisplayMode {
  Read = 1,
  Edit = 2
}

export class Version {
  public constructor(public readonly major: number, public readonly minor: number, public readonly patch: number) {}
  public static parse(value: string): Version {
    const [major, minor, patch] = value.split('.').map((n) => parseInt(n, 10) || 0);
    return new Version(major, minor || 0, patch || 0);
  }
  public toString(): string {
    return `${this.major}.${this.minor}.${this.patch}`;
  }
}
