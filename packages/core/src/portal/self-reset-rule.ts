import type { SelfResetLimits } from "../ports/portal.ts";
import type { PortalSettings } from "../records/portal.ts";

export const SELF_RESET_WINDOW_MS = 30 * 86400_000;

export function selfResetLimits(settings: PortalSettings): SelfResetLimits {
  return { cooldownMs: settings.hwidResetCooldownHours * 3600_000, windowMs: SELF_RESET_WINDOW_MS, maxInWindow: settings.maxSelfResetsPer30Days };
}

/**
 * Pure: when the next self-service reset of a license is allowed, given its earlier ones
 * (`past`, oldest first): null when one is allowed now. Both limits hold at once: the
 * cooldown after the latest reset, and at most `maxInWindow` resets in any window (the
 * oldest one counted must first leave it). The store's guarded claim applies the same rule.
 */
export function nextSelfResetAt(past: readonly number[], now: number, limits: SelfResetLimits): number | null {
  let next = now;
  const latest = past.at(-1);
  if (latest !== undefined && latest > now - limits.cooldownMs) next = Math.max(next, latest + limits.cooldownMs);
  const inWindow = past.filter((at) => at > now - limits.windowMs);
  if (inWindow.length >= limits.maxInWindow && limits.maxInWindow > 0) {
    next = Math.max(next, inWindow[inWindow.length - limits.maxInWindow]! + limits.windowMs);
  }
  return next > now ? next : null;
}
