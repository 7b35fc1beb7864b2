// `npm run docs -- --serve`: the built site over HTTP on 127.0.0.1, for a look in a
// browser. Only files inside the site folder are served (no `..`, no symbolic link out);
// pages get the same Content-Security-Policy as a header that they carry in a meta tag.
import { createReadStream, realpathSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, sep } from "node:path";
import { CSP } from "./layout.ts";

const TYPES = new Map<string, string>([
  [".html", "text/html; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".json", "application/json; charset=utf-8"],
  [".ipynb", "application/x-ipynb+json; charset=utf-8"],
  [".ts", "text/plain; charset=utf-8"],
  [".png", "image/png"],
  [".svg", "image/svg+xml"],
]);

/** The file a URL path names inside `root`, or undefined. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  const base = realpathSync(root);
  try {
    let file = realpathSync(join(base, path));
    if (statSync(file).isDirectory()) file = realpathSync(join(file, "index.html"));
    return file.startsWith(base + sep) && statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

export function serveSite(root: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const file = request.method === "GET" || request.method === "HEAD" ? resolveInside(root, request.url ?? "/") : undefined;
    const headers = { "content-security-policy": CSP, "x-content-type-options": "nosniff", "cache-control": "no-cache" };
    if (!file) {
      response.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    response.writeHead(200, { ...headers, "content-type": TYPES.get(extname(file)) ?? "application/octet-stream" });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
