import { lookup } from "node:dns/promises";

/** The system resolver (getaddrinfo), every A and AAAA answer in its own order. */
export async function systemResolveHost(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
}
