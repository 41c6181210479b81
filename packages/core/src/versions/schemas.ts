import { Type, type Static } from "@sinclair/typebox";
import { FreeText, SingleLine } from "../schemas/text.ts";
import { Timestamp } from "../schemas/timestamp.ts";
import { AnswerId, AnswerTime, AnswerTimeOrNull } from "../schemas/answer-fields.ts";
import { pageQuerySchema } from "../pagination/pagination.ts";
import { ChannelSchema } from "./channels.ts";

const Notes = FreeText({ maxLength: 10_000, description: "Release notes shown to the app" });
const FileId = Type.String({ format: "uuid", description: "The product file that installs this version" });

export const CreateVersionBody = Type.Object(
  {
    version: SingleLine({ minLength: 1, maxLength: 64, description: "Semver 2.0, e.g. `1.4.0` or `2.0.0-beta.1` (a leading `v` is dropped, build metadata too)", examples: ["1.4.0"] }),
    channel: Type.Optional(ChannelSchema),
    notes: Type.Optional(Type.Union([Notes, Type.Null()])),
    required: Type.Optional(Type.Boolean({ default: false, description: "Apps below the newest required version must update" })),
    fileId: Type.Optional(Type.Union([FileId, Type.Null()])),
    releasedAt: Type.Optional(Timestamp({ description: "Defaults to now; a license is entitled to versions released before its updatesUntil" })),
  },
  { additionalProperties: false },
);
export type CreateVersionInput = Static<typeof CreateVersionBody>;

export const PatchVersionBody = Type.Object(
  {
    notes: Type.Optional(Type.Union([Notes, Type.Null()])),
    required: Type.Optional(Type.Boolean()),
    fileId: Type.Optional(Type.Union([FileId, Type.Null()])),
    releasedAt: Type.Optional(Timestamp()),
  },
  { additionalProperties: false },
);
export type PatchVersionInput = Static<typeof PatchVersionBody>;

export const ListVersionsQuery = Type.Object({ ...pageQuerySchema(), channel: Type.Optional(ChannelSchema) });

export const VersionSchema = Type.Object(
  {
    id: AnswerId,
    productId: AnswerId,
    version: Type.String({ examples: ["1.4.0"] }),
    channel: Type.String({ examples: ["stable"] }),
    notes: Type.Union([Type.String(), Type.Null()]),
    required: Type.Boolean(),
    fileId: Type.Union([Type.String(), Type.Null()]),
    releasedAt: AnswerTime,
    yanked: Type.Boolean(),
    yankedAt: AnswerTimeOrNull,
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "AppVersion", additionalProperties: false },
);

/** The app's latest-version call. */
export const LatestVersionCallBody = Type.Object({
  licenseKey: SingleLine({ minLength: 1, maxLength: 128 }),
  sessionId: Type.String({ format: "uuid", description: "A live session of this license (from authorize)" }),
  currentVersion: Type.String({ minLength: 1, maxLength: 64, description: "The app's semver version" }),
  channel: Type.Optional(ChannelSchema),
});
export const LatestVersionAnswerSchema = Type.Object(
  {
    latest: Type.Union([
      Type.Object(
        { version: Type.String(), channel: Type.String(), notes: Type.Union([Type.String(), Type.Null()]), releasedAt: AnswerTime, fileId: Type.Union([Type.String(), Type.Null()]) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    updateAvailable: Type.Boolean({ description: "The latest version is newer than currentVersion" }),
    entitled: Type.Boolean({ description: "False when the latest version was released at or after the license's updatesUntil" }),
  },
  { $id: "LatestVersion", additionalProperties: false },
);
