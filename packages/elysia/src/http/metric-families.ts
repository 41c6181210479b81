import type { MetricsSource } from "./metrics.ts";

/** A Prometheus label value, escaped. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function renderLabels(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return pairs.length === 0 ? "" : `{${pairs.join(",")}}`;
}

/**
 * A counter family: `inc()` for the plain series, `inc({ label: value })` for labelled
 * ones (keep label values to a small fixed set). Series that were never counted are
 * rendered as 0 when declared in `initial`, so a dashboard sees them from the start.
 */
export class Counter implements MetricsSource {
  private readonly series = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
    initial: Record<string, string>[] = [{}],
  ) {
    for (const labels of initial) this.series.set(renderLabels(labels), 0);
  }

  inc(labels: Record<string, string> = {}, by = 1): void {
    const key = renderLabels(labels);
    this.series.set(key, (this.series.get(key) ?? 0) + by);
  }

  /** The value of one series (tests, and sources that derive from it). */
  value(labels: Record<string, string> = {}): number {
    return this.series.get(renderLabels(labels)) ?? 0;
  }

  lines(): string[] {
    const samples = [...this.series].map(([labels, value]) => `${this.name}${labels} ${value}`);
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`, ...samples];
  }
}

/**
 * A gauge read fresh at each scrape (`read` may query the database). A failed read keeps
 * the last value, so one bad scrape does not blank the series.
 */
export class Gauge implements MetricsSource {
  private current = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => Promise<number>,
  ) {}

  async refresh(): Promise<void> {
    this.current = await this.read();
  }

  lines(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${this.current}`];
  }
}
