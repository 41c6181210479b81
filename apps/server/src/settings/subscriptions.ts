import { RUNTIME_DEFAULTS } from "@geckoguard/runtime";
import { flag, integer } from "./kinds.ts";

const defaults = RUNTIME_DEFAULTS.subscriptions;

/** The subscription clock's part of the settings table (docs/subscriptions.md#the-clock); defaults are the runtime's. */
export const SUBSCRIPTION_SETTINGS = {
  subscriptionClock: flag("GG_SUBSCRIPTION_CLOCK", {
    group: "Subscriptions",
    fallback: defaults.worker,
    summary: "0: this process does not expire subscriptions (another process on the same database does; several may, each subscription is handled once)",
  }),
  subscriptionClockMs: integer("GG_SUBSCRIPTION_CLOCK_MS", {
    group: "Subscriptions",
    fallback: defaults.pollIntervalMs,
    min: 10,
    max: 3_600_000,
    summary: "how often the subscription clock looks for subscriptions whose time is up (an idle look only reads)",
  }),
};

export const SUBSCRIPTION_SETTING_NAMES = Object.keys(SUBSCRIPTION_SETTINGS) as (keyof typeof SUBSCRIPTION_SETTINGS)[];
