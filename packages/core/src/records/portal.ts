/** An org's end-user portal settings (docs/portal.md#settings). */
export interface PortalSettings {
  enabled: boolean;
  /** Strangers may create an account without a license key. */
  selfRegistration: boolean;
  /** Hours an end user waits between two self-service resets of one license. */
  hwidResetCooldownHours: number;
  /** Self-service resets of one license allowed in any 30 days (0: none). */
  maxSelfResetsPer30Days: number;
  /** End users may kill their licenses' live sessions. */
  allowSessionKill: boolean;
}
