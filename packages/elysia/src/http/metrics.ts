import { escapeLabel as label } from "./metric-families.ts";

/**
 * A family of series owned by another file (http/webhook-metrics.ts, …) and rendered
 * after the HTTP ones: the small building blocks are in http/metric-families.ts.
 */
export interface MetricsSource {
  /** Reads what a scrape must read fresh (a count in the database); a failure keeps the last value. */
  refresh?(): Promise<void>;
  /** Exposition lines: `# HELP`, `# TYPE`, then the samples. */
  lines(): string[];
}

/** Upper bounds of the latency histogram, in seconds (Prometheus `le`). */
export const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Counters and a histogram of one method + route pattern. */
class RouteSeries {
  readonly statuses = new Map<number, number>();
  /** Per bucket, not cumulative; the last slot is +Inf. */
  readonly buckets = new Float64Array(DURATION_BUCKETS.length + 1);
  sum = 0;
  count = 0;
}

/**
 * In-process request metrics, cheap to record (two map lookups and a short bucket scan
 * per request, no allocation once a route has been seen) and rendered in the Prometheus
 * text format on demand. Routes are patterns (`/v1/licenses/:id`), never raw paths, so
 * the series stay few; requests that matched no route count as `unmatched`.
 */
export class HttpMetrics {
  private readonly routes = new Map<string, Map<string, RouteSeries>>();
  private readonly outcomes = new Map<string, number>();
  private readonly sources: MetricsSource[] = [];

  /** Adds a family of series to every scrape (each owner registers its own, once). */
  register(source: MetricsSource): void {
    this.sources.push(source);
  }

  /** What GET /metrics answers: the registered sources refreshed, then everything rendered. */
  async collect(): Promise<string> {
    await Promise.allSettled(this.sources.map((source) => source.refresh?.()));
    return this.render();
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const verb = KNOWN_METHODS.has(method) ? method : "OTHER";
    let byMethod = this.routes.get(route);
    if (byMethod === undefined) this.routes.set(route, (byMethod = new Map()));
    let series = byMethod.get(verb);
    if (series === undefined) byMethod.set(verb, (series = new RouteSeries()));
    series.statuses.set(status, (series.statuses.get(status) ?? 0) + 1);
    let bucket = 0;
    while (bucket < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[bucket]!) bucket++;
    series.buckets[bucket]! += 1;
    series.sum += seconds;
    series.count += 1;
  }

  /** One authorize answer: `VALID` or its error code. */
  authorizeOutcome(code: string): void {
    this.outcomes.set(code, (this.outcomes.get(code) ?? 0) + 1);
  }

  /** The Prometheus text exposition format (version 0.0.4). */
  render(): string {
    const requests = ["# HELP geckoguard_http_requests_total HTTP requests answered, by method, route pattern and status.", "# TYPE geckoguard_http_requests_total counter"];
    const durations = ["# HELP geckoguard_http_request_duration_seconds Time from request to response, by method and route pattern.", "# TYPE geckoguard_http_request_duration_seconds histogram"];
    for (const [route, byMethod] of this.routes) {
      for (const [method, series] of byMethod) {
        const labels = `method="${method}",route="${label(route)}"`;
        for (const [status, count] of series.statuses) requests.push(`geckoguard_http_requests_total{${labels},status="${status}"} ${count}`);
        let cumulative = 0;
        DURATION_BUCKETS.forEach((bound, i) => {
          cumulative += series.buckets[i]!;
          durations.push(`geckoguard_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${cumulative}`);
        });
        durations.push(`geckoguard_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${series.count}`);
        durations.push(`geckoguard_http_request_duration_seconds_sum{${labels}} ${series.sum}`);
        durations.push(`geckoguard_http_request_duration_seconds_count{${labels}} ${series.count}`);
      }
    }
    const outcomes = ["# HELP geckoguard_authorize_outcomes_total Authorize answers by outcome: VALID or the error code.", "# TYPE geckoguard_authorize_outcomes_total counter"];
    for (const [code, count] of this.outcomes) outcomes.push(`geckoguard_authorize_outcomes_total{code="${label(code)}"} ${count}`);
    const memory = [
      "# HELP geckoguard_process_resident_memory_bytes Resident memory of the process.",
      "# TYPE geckoguard_process_resident_memory_bytes gauge",
      `geckoguard_process_resident_memory_bytes ${process.memoryUsage.rss()}`,
    ];
    const registered = this.sources.flatMap((source) => source.lines());
    return [...requests, ...durations, ...outcomes, ...memory, ...registered].join("\n") + "\n";
  }
}
