// A loopback HTTP server that misbehaves on purpose (never answers, fails, drops the
// connection), for live-mode fault tests. Closed by the caller.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RawServer {
  readonly baseUrl: string;
  requests(): number;
  close(): Promise<void>;
}

export async function startRawServer(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<RawServer> {
  let count = 0;
  const server = createServer((request, response) => {
    count++;
    request.resume();
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests: () => count,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
