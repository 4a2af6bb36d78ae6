import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A route module's exported handlers (GET, POST, …) served over real HTTP on 127.0.0.1, so that a
// client library (the MCP SDK's, fetch) can talk to them as it would to `next start`: each request
// becomes a web Request for the handler of its method, and the Response is written back.

type Handler = (request: Request) => Promise<Response>;
export type RouteHandlers = Partial<Record<"GET" | "POST" | "PUT" | "DELETE" | "PATCH", Handler>>;

export type RouteServer = { url: string; close: () => Promise<void> };

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const method = req.method ?? "GET";
  const chunks: Buffer[] = [];
  if (method !== "GET" && method !== "HEAD") for await (const chunk of req) chunks.push(chunk);
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (response.body) for await (const chunk of response.body) res.write(chunk);
  res.end();
}

/** Serves `handlers` at `path` (anything else is a 404) until `close`. */
export async function serveRoute(path: string, handlers: RouteHandlers): Promise<RouteServer> {
  let origin = "";
  const server = createServer(async (req, res) => {
    try {
      const request = await toRequest(req, origin);
      const handler = handlers[request.method as keyof RouteHandlers];
      if (new URL(request.url).pathname !== path) res.writeHead(404).end();
      else if (!handler) res.writeHead(405).end();
      else await writeResponse(await handler(request), res);
    } catch (error) {
      console.error("route server:", error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${path}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
