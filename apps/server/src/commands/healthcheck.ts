import type { ServerConfig } from "../config.ts";

const TIMEOUT_MS = 3000;

/** The address a local probe reaches: the listen address, or loopback when it listens on all of them. */
function probeHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * `geckoguard healthcheck`: exits 0 when this host's server answers GET /health with 200
 * within 3 s, else 1. For container health checks on images without curl.
 */
export async function healthcheckCommand(config: ServerConfig): Promise<void> {
  const url = `http://${probeHost(config.host)}:${config.port}/health`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.status === 200) return;
    console.error(`geckoguard: ${url} answered ${response.status}`);
  } catch (error) {
    console.error(`geckoguard: ${url} did not answer (${(error as { code?: string; name?: string }).code ?? (error as Error).name})`);
  }
  process.exit(1);
}
