export default async function globalTeardown() {
  const server = globalThis.__PPS_TENANT__;
  if (server) {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
}
