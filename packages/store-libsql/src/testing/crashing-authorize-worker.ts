/** Test double of authorize-worker.ts: opens fine, then dies on its first batch of calls. */
export {};
declare const self: { onmessage: ((event: MessageEvent<string>) => void) | null; postMessage(message: string): void };

self.onmessage = (event) => {
  const message = JSON.parse(event.data) as { type: string };
  if (message.type === "open") self.postMessage(JSON.stringify({ type: "ready" }));
  else if (message.type === "calls") throw new Error("the authorize thread crashed");
};
