import * as fs from 'fs';
import * as path from 'path';

/** Every source file the web part ships (tests excluded). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(full);
    }
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('nothing unsafe is rendered', () => {
  const files = sources(path.join(__dirname, '..', '..', '..'));

  test('the scan sees the shipped sources', () => {
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['ProfilePhotoSync.tsx', 'PnPProfileService.ts']));
  });

  test.each([
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['innerHTML / outerHTML assignments', /\.(inner|outer)HTML\s*=/],
    ['document.write', /document\.write/],
    ['eval or new Function', /\beval\(|new Function\(/]
  ])('no %s in src/', (_name, pattern) => {
    const offenders = files.filter((f) => pattern.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(process.cwd(), f));
    expect(offenders).toEqual([]);
  });
});
