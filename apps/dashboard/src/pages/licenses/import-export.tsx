import { useState } from "preact/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { basePath } from "../../api/base.ts";
import { api } from "../../api/client.ts";
import { ApiError, unwrap } from "../../api/errors.ts";
import { currentAccessToken } from "../../api/session.ts";
import type { Product } from "../../api/types.ts";
import { ErrorText, Field } from "../../components/form.tsx";
import { filterQuery, type LicenseFilters } from "./license-filters.ts";

type RowError = { path?: string; message?: string };

/**
 * Sends the file with XMLHttpRequest: fetch cannot report upload progress. The answer is
 * the API's envelope, as everywhere.
 */
function upload(url: string, file: File, onProgress: (fraction: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("content-type", file.name.endsWith(".json") ? "application/json" : "text/csv");
    request.setRequestHeader("authorization", `Bearer ${currentAccessToken() ?? ""}`);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => reject(new TypeError("network"));
    request.onload = () => {
      let body: { ok?: boolean; data?: { imported: number }; error?: { message: string; code: string; details?: unknown } } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {}
      if (body.ok === true && body.data !== undefined) return resolve(body.data.imported);
      const retry = Number(request.getResponseHeader("retry-after"));
      reject(new ApiError(body.error?.message ?? `The server answered ${request.status}`, body.error?.code ?? "INTERNAL_ERROR", request.status, request.status === 429 ? retry : null, body.error?.details));
    };
    request.send(file);
  });
}

/** Import a CSV/JSON export into a product (all or nothing, bad rows listed), or export the filtered list. */
export function ImportExport(props: { orgId: string; products: Product[]; filters: LicenseFilters }) {
  const client = useQueryClient();
  const [productId, setProductId] = useState(props.filters.productId || (props.products[0]?.id ?? ""));
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<unknown>(null);

  const startImport = async (event: Event) => {
    event.preventDefault();
    if (file === null) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const url = `${location.origin}${basePath}/v1/dashboard/orgs/${encodeURIComponent(props.orgId)}/licenses/import?productId=${encodeURIComponent(productId)}`;
      const imported = await upload(url, file, setProgress);
      setResult(`${imported} license${imported === 1 ? "" : "s"} imported.`);
      void client.invalidateQueries({ queryKey: ["licenses"] });
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(null);
    }
  };

  const startExport = async (format: "csv" | "json") => {
    setExporting(null);
    try {
      const result = await api.GET("/v1/dashboard/orgs/{orgId}/licenses/export", {
        params: { path: { orgId: props.orgId }, query: { format, ...filterQuery(props.filters) } },
        parseAs: "blob",
      });
      if (result.error !== undefined) unwrap(result as never);
      const url = URL.createObjectURL(result.data as unknown as Blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `licenses.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setExporting(failure);
    }
  };

  const rows = error instanceof ApiError && Array.isArray(error.details) ? (error.details as RowError[]) : [];
  return (
    <details class="panel">
      <summary>Import and export</summary>
      <form class="grid-form" onSubmit={startImport}>
        <Field label="Import into product">
          <select value={productId} onChange={(event) => setProductId(event.currentTarget.value)}>
            {props.products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="CSV or JSON export file">
          <input type="file" accept=".csv,.json,text/csv,application/json" required onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={file === null || progress !== null}>
            Import
          </button>
          {progress === null ? null : <progress max={1} value={progress} aria-label="Upload progress" />}
          {result === null ? null : <span role="status">{result}</span>}
        </div>
      </form>
      <ErrorText error={error} />
      {rows.length === 0 ? null : (
        <ul class="row-errors" aria-label="Rows that were refused">
          {rows.map((row, index) => (
            <li key={index}>
              <code>{row.path ?? "?"}</code>: {row.message ?? ""}
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <span>Export the filtered list:</span>
        <button type="button" class="small" onClick={() => startExport("csv")}>
          CSV
        </button>
        <button type="button" class="small" onClick={() => startExport("json")}>
          JSON
        </button>
      </div>
      <ErrorText error={exporting} />
    </details>
  );
}
