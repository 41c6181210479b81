/** The baseline of every bench: a bare Elysia POST that echoes its JSON body. */
import { Elysia } from "elysia";

// GET /health answers the filler requests wrk sends after a thread has replayed its list.
const app = new Elysia().post("/echo", ({ body }) => body).get("/health", () => ({ ok: true }));
const server = Bun.serve({ port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1", fetch: (request) => app.handle(request) });
console.log(JSON.stringify({ event: "server.listening", port: server.port }));
