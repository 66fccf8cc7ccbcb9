/**
 * Azurite, the official Azure Storage emulator (npm `azurite`), for running the audit and its tests without Azure:
 * its Table service started as a child process (it has no supported in-process API) on a free port, its data in a
 * folder (or in memory), telemetry off. Resolves with a connection string `@azure/data-tables` accepts.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

/** Azurite's well-known development account (public, documented; it opens nothing but the local emulator). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface IAzurite {
  connectionString: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Starts Azurite's Table service; `dataDir` absent: in memory. */
export async function startAzurite(dataDir?: string): Promise<IAzurite> {
  const port = await freePort();
  const bin = require.resolve('azurite/dist/src/table/main.js', { paths: [process.cwd(), __dirname] });
  const args = [bin, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--disableTelemetry', '--skipApiVersionCheck', '--silent'];
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    args.push('--location', path.resolve(dataDir));
  } else {
    args.push('--inMemoryPersistence');
  }
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within 30 s: ${output}`)), 30000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/successfully started/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}) before it started: ${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        // SIGINT: Azurite closes its database first (a plain kill can lose the last writes of its on-disk store).
        child.kill('SIGINT');
      })
  };
}
