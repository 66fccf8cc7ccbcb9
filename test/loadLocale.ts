import * as fs from 'fs';
import * as path from 'path';

export const LOC_DIR = path.join(__dirname, '..', 'src', 'shared', 'loc');

/** Evaluates an SPFx AMD strings file (`define([], function() { return {...}; })`) and returns its object. */
export function loadLocale(file: string): Record<string, string> {
  const source = fs.readFileSync(path.join(LOC_DIR, file), 'utf8');
  let result: Record<string, string> = {};
  const define = (_deps: string[], factory: () => Record<string, string>): void => {
    result = factory();
  };
  new Function('define', source)(define); // eslint-disable-line no-new-func
  return result;
}

export function localeFiles(): string[] {
  return fs.readdirSync(LOC_DIR).filter((f) => /^[a-z]{2}-[a-z]{2}\.js$/.test(f));
}

/** The keys mystrings.d.ts declares. */
export function declaredKeys(): string[] {
  const source = fs.readFileSync(path.join(LOC_DIR, 'mystrings.d.ts'), 'utf8');
  const body = source.slice(source.indexOf('{'), source.indexOf('declare module'));
  return Array.from(body.matchAll(/^\s*(\w+): string;/gm)).map((m) => m[1]);
}
