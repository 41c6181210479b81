import { expect, test } from "bun:test";
import { Type } from "@sinclair/typebox";
import { Elysia } from "elysia";
import { answers } from "./answer-doc.ts";
import { renderDocsPage } from "./docs-page.ts";
import { buildOpenApiDocument } from "./openapi-document.ts";

/** Just enough of the DOM for the page's script: elements collect their text. */
class FakeElement {
  readonly children: (FakeElement | string)[] = [];
  readonly dataset = {};
  hidden = false;
  constructor(readonly tag: string) {}
  setAttribute() {}
  addEventListener() {}
  append(...children: (FakeElement | string)[]) {
    this.children.push(...children);
  }
  get text(): string {
    return this.children.map((child) => (typeof child === "string" ? child : child.text)).join("\n");
  }
}

function renderedText(html: string): string {
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
  const spec = /<script id="spec" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!;
  const byId: Record<string, unknown> = { spec: { textContent: spec }, schemes: new FakeElement("div"), operations: new FakeElement("div"), filter: new FakeElement("input") };
  const document = { createElement: (tag: string) => new FakeElement(tag), getElementById: (id: string) => byId[id], querySelectorAll: () => [] };
  new Function("document", script)(document);
  return (byId.operations as FakeElement).text;
}

test("the page shows each operation's answers: the data schema with its example, and each error code's example", () => {
  const Widget = Type.Object({ id: Type.String({ examples: ["w-1"] }), size: Type.Integer({ examples: [42] }) }, { $id: "Widget" });
  const app = new Elysia().get("/v1/dashboard/widgets/:id", () => null, {
    params: Type.Object({ id: Type.String({ format: "uuid" }) }),
    detail: { summary: "Get a widget", tags: ["Widgets"], ...answers(Type.Object({ widget: Widget }), { errors: ["CONFLICT"] }) },
  });
  const text = renderedText(renderDocsPage(buildOpenApiDocument(app.routes, { prefix: "", version: "1" }), "/docs/json"));
  expect(text).toContain("Answer 200");
  expect(text).toContain('"size"'); // the Widget component, expanded in place of its $ref
  expect(text).toContain('"id": "w-1"'); // the example built from the schema
  expect(text).toContain("Answer 404");
  expect(text).toContain('"code": "NOT_FOUND"');
  expect(text).toContain('"code": "CONFLICT"');
  expect(text).not.toContain("$ref");
});
