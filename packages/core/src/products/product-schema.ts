import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime } from "../schemas/answer-fields.ts";
import { ProductPolicySchema } from "./policy.ts";

/** What `presentProduct` answers (present-product.ts): the public signing key, never the private one. */
export const ProductSchema = Type.Object(
  {
    id: AnswerId,
    orgId: AnswerId,
    name: Type.String({ examples: ["Acme Desktop"] }),
    policy: ProductPolicySchema,
    publicKey: Type.String({
      description: "Ed25519 public key (PEM) that verifies this product's signed authorize answers",
      examples: ["-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n"],
    }),
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "Product", additionalProperties: false },
);
