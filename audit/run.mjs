/**
 * `npm run audit -- --tenant <workbench url> [--people N] [--scenario NAME] [--state DIR] [--max-minutes M] [--pace N]`:
 * builds the audit from the sources and runs it in this process (see audit/cli.ts).
 */
import * as path from 'path';
import { createRequire } from 'module';
import { buildAudit, outDir } from './build.mjs';

const script = await buildAudit('audit/cli.ts', path.join(outDir, 'cli.js'));
const { main } = createRequire(import.meta.url)(script);
process.exitCode = await main(process.argv.slice(2));
