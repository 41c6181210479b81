import { describe, expect, test } from "bun:test";
import { HttpMetrics } from "./metrics.ts";
import { requestIdFor } from "./request-id.ts";

/** Sample lines of the exposition: name{labels} value. */
const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\["\\n])*",?)*\})? -?[0-9.e+-]+$/;

function sample(text: string, prefix: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${prefix} `));
  if (line === undefined) throw new Error(`no sample ${prefix}`);
  return Number(line.slice(prefix.length + 1));
}

describe("HttpMetrics", () => {
  test("counts by method, route and status, with cumulative histogram buckets", () => {
    const metrics = new HttpMetrics();
    metrics.observe("GET", "/v1/licenses/:id", 200, 0.0004);
    metrics.observe("GET", "/v1/licenses/:id", 200, 0.003);
    metrics.observe("GET", "/v1/licenses/:id", 404, 0.2);
    metrics.observe("GET", "/v1/licenses/:id", 200, 30);
    const text = metrics.render();
    const labels = 'method="GET",route="/v1/licenses/:id"';
    expect(sample(text, `geckoguard_http_requests_total{${labels},status="200"}`)).toBe(3);
    expect(sample(text, `geckoguard_http_requests_total{${labels},status="404"}`)).toBe(1);
    expect(sample(text, `geckoguard_http_request_duration_seconds_bucket{${labels},le="0.0005"}`)).toBe(1);
    expect(sample(text, `geckoguard_http_request_duration_seconds_bucket{${labels},le="0.005"}`)).toBe(2);
    expect(sample(text, `geckoguard_http_request_duration_seconds_bucket{${labels},le="0.25"}`)).toBe(3);
    expect(sample(text, `geckoguard_http_request_duration_seconds_bucket{${labels},le="10"}`)).toBe(3);
    expect(sample(text, `geckoguard_http_request_duration_seconds_bucket{${labels},le="+Inf"}`)).toBe(4);
    expect(sample(text, `geckoguard_http_request_duration_seconds_count{${labels}}`)).toBe(4);
    expect(sample(text, `geckoguard_http_request_duration_seconds_sum{${labels}}`)).toBeCloseTo(30.2034, 6);
  });

  test("authorize outcomes by code; odd methods fold into OTHER; label values are escaped", () => {
    const metrics = new HttpMetrics();
    metrics.authorizeOutcome("VALID");
    metrics.authorizeOutcome("VALID");
    metrics.authorizeOutcome("HWID_MISMATCH");
    metrics.observe("BREW", 'weird"route\\', 200, 0.001);
    const text = metrics.render();
    expect(sample(text, 'geckoguard_authorize_outcomes_total{code="VALID"}')).toBe(2);
    expect(sample(text, 'geckoguard_authorize_outcomes_total{code="HWID_MISMATCH"}')).toBe(1);
    expect(text).toContain('geckoguard_http_requests_total{method="OTHER",route="weird\\"route\\\\",status="200"} 1');
    for (const line of text.trimEnd().split("\n")) {
      if (!line.startsWith("#")) expect(line).toMatch(SAMPLE);
      else expect(line).toMatch(/^# (HELP|TYPE) geckoguard_[a-z_]+ .+$/);
    }
    expect(sample(text, "geckoguard_process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});

describe("request ids", () => {
  test("a sane incoming id is kept; anything else becomes a new UUIDv7", () => {
    expect(requestIdFor("abc-123.XYZ_9")).toBe("abc-123.XYZ_9");
    expect(requestIdFor("a".repeat(128))).toBe("a".repeat(128));
    const uuidv7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const bad of [null, "", "a".repeat(129), "has space", "semi;colon", "ünïcode", "line\nbreak"]) expect(requestIdFor(bad)).toMatch(uuidv7);
    expect(requestIdFor(null)).not.toBe(requestIdFor(null));
  });
});
