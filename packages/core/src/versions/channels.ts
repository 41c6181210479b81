import { Type } from "@sinclair/typebox";

/** A release channel's name: what versions are published to and licenses follow (docs/versions.md). */
export const CHANNEL_PATTERN = "^[a-z0-9][a-z0-9_.-]{0,31}$";
export const ChannelSchema = Type.String({ pattern: CHANNEL_PATTERN, description: "A release channel: 1–32 of a–z, 0–9, `_`, `.`, `-`", examples: ["stable"] });

/** A new license follows the stable channel only. */
export const DEFAULT_CHANNELS = ["stable"] as const;

export const ChannelsSchema = Type.Array(ChannelSchema, {
  minItems: 1,
  maxItems: 16,
  uniqueItems: true,
  description: "The release channels whose versions this license follows (default [\"stable\"])",
});
