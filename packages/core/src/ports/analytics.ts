/** A day range in whole UTC days since the Unix epoch, both ends included. */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

/** Which licenses an analytics read covers: an org's, or one product's of that org. */
export interface AnalyticsScope {
  orgId: string;
  /** Only this product (it must be one of the org's: the query filters by both). */
  productId?: string;
}

/** The org's licenses by derived state at `now`; `unused` (never authorized) overlaps the others. */
export interface LicenseStateCounts {
  total: number;
  valid: number;
  revoked: number;
  frozen: number;
  expired: number;
  unused: number;
}

/** One product's stored figures for one UTC day (days without any are absent). */
export interface ProductDay {
  productId: string;
  day: number;
  /** Authorize outcomes: `ALLOWED` or a license verdict's code → calls. */
  outcomes: Record<string, number>;
  /** Distinct licenses with at least one allowed call that day. */
  uniqueLicenses: number;
}

export interface OrgAnalyticsData {
  licenses: LicenseStateCounts;
  activeSessions: number;
  boundHwids: number;
  /** Licenses created per UTC day within the range (days without any are absent). */
  createdByDay: Map<number, number>;
  productDays: ProductDay[];
  /** Every product in scope, for names (top products). */
  products: { id: string; name: string }[];
}

/** Aggregates over an org's licenses and stored authorize counts; every query filters by org. */
export interface AnalyticsStore {
  orgAnalytics(scope: AnalyticsScope, range: DayRange, now: number): Promise<OrgAnalyticsData>;
}
