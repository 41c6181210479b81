import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, AnswerTimeOrNull } from "../schemas/answer-fields.ts";
import { SCOPES } from "./scopes.ts";

const Permissions = Type.Array(Type.Union(SCOPES.map((scope) => Type.Literal(scope))), { examples: [["license:authorize"]] });

/** What `presentApiKey` answers (present-api-key.ts): never the hash or the secret. */
export const ApiKeySchema = Type.Object(
  {
    id: AnswerId,
    name: Type.String({ examples: ["Desktop app"] }),
    productId: AnswerId,
    permissions: Permissions,
    prefix: Type.String({ description: "The key's first characters, to recognise it", examples: ["3fq9k2m7x8ab"] }),
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
    lastUsedAt: AnswerTimeOrNull,
    revokedAt: AnswerTimeOrNull,
  },
  { $id: "ApiKey", additionalProperties: false },
);

/** What `presentWhoami` answers (present-api-key.ts). */
export const WhoamiSchema = Type.Object(
  { apiKeyId: AnswerId, productId: AnswerId, orgId: AnswerId, permissions: Permissions },
  { $id: "Whoami", additionalProperties: false },
);
