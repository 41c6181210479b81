import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  AddProductToOrgBody,
  CreateProductBody,
  ProductSchema,
  UpdateProductBody,
  createProduct,
  deleteOrgProduct,
  deleteProduct,
  getProduct,
  listOrgProducts,
  moveProductToOrg,
  pageOf,
  pageQuerySchema,
  pageRequest,
  presentProduct,
  updateProduct,
  type GgContext,
} from "@geckoguard/core";
import { OrgIdParams, ProductIdParams, OrgProductParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { One, Page, Done } from "../openapi/answer-shapes.ts";

const tags = ["Products"];
const PageQuery = Type.Object(pageQuerySchema());

/** Products, each with its policy and public signing key (docs/licenses.md#product-policy). */
export function productRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard" })
    .use(requireUser(ctx))
    .post(
      "/products",
      async ({ acting, userId, body, set }) => {
        const product = await createProduct(acting, userId, body);
        set.status = 201;
        return ok({ product: presentProduct(product) });
      },
      { body: CreateProductBody, detail: { summary: "Create a product (default: in the active org)", ...answers(One("product", ProductSchema), { status: 201, errors: ["FORBIDDEN", "PERMISSION_DENIED", "NOT_FOUND"] }), tags } },
    )
    .get("/products/:id", async ({ userId, params }) => ok({ product: presentProduct(await getProduct(ctx, userId, params.id)) }), {
      params: ProductIdParams,
      detail: { summary: "Get product details", ...answers(One("product", ProductSchema)), tags },
    })
    .patch(
      "/products/:id",
      async ({ acting, userId, params, body }) => ok({ product: presentProduct(await updateProduct(acting, userId, params.id, body)) }),
      { params: ProductIdParams, body: UpdateProductBody, detail: { summary: "Update product (name, policy)", ...answers(One("product", ProductSchema)), tags } },
    )
    .delete(
      "/products/:id",
      async ({ acting, userId, params }) => {
        await deleteProduct(acting, userId, params.id);
        return ok({ deleted: true });
      },
      { params: ProductIdParams, detail: { summary: "Delete product and everything below it", ...answers(Done("deleted")), tags } },
    )
    .get(
      "/orgs/:orgId/products",
      async ({ userId, params, query }) => {
        const { items, pagination } = pageOf(await listOrgProducts(ctx, userId, params.orgId), pageRequest(query));
        return ok({ products: items.map(presentProduct), pagination });
      },
      { params: OrgIdParams, query: PageQuery, detail: { summary: "List products in an org", ...answers(Page("products", ProductSchema)), tags } },
    )
    .post(
      "/orgs/:orgId/products",
      async ({ acting, userId, params, body }) =>
        ok({ product: presentProduct(await moveProductToOrg(acting, userId, params.orgId, body.productId)) }),
      { params: OrgIdParams, body: AddProductToOrgBody, detail: { summary: "Move a product you administer into this org", ...answers(One("product", ProductSchema)), tags } },
    )
    .delete(
      "/orgs/:orgId/products/:productId",
      async ({ acting, userId, params }) => {
        await deleteOrgProduct(acting, userId, params.orgId, params.productId);
        return ok({ deleted: true });
      },
      { params: OrgProductParams, detail: { summary: "Remove (delete) a product of this org", ...answers(Done("deleted")), tags } },
    );
}
