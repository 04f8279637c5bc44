// A tiny static file server for a built site, on 127.0.0.1 and a free port the system picks:
// "/dir/" serves dir/index.html, an unknown path serves the site's 404.html with status 404
// (as a real host does), and nothing outside the site folder is ever read.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

async function fileFor(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const full = path.resolve(root, "." + rel);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    const s = await stat(full);
    if (s.isFile()) return full;
    if (s.isDirectory()) {
      const index = path.join(full, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    // not there: the caller answers 404
  }
  return null;
}

// Serves `root`; resolves to { server, origin, stop() }. `onRequest(path, bytes)` is told of
// every answered request (the search bench counts the bytes with it). `extra` maps URL paths
// outside the site to files the tests add to pages (axe-core): those may be cached, so that
// Chromium compiles them once rather than on every page.
export async function serve(root, { onRequest = () => {}, extra = {} } = {}) {
  root = path.resolve(root);
  const server = createServer(async (req, res) => {
    const added = extra[req.url];
    let file = added || (await fileFor(root, req.url || "/"));
    let status = 200;
    if (!file) {
      status = 404;
      file = await fileFor(root, "/404.html");
    }
    let body = Buffer.from("not found\n");
    let type = "text/plain; charset=utf-8";
    if (file) {
      body = await readFile(file);
      type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
    }
    res.writeHead(status, {
      "Content-Type": type,
      "Content-Length": body.length,
      "Cache-Control": added ? "max-age=3600" : "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    onRequest(req.url, body.length);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    server,
    origin,
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
