import type { LicenseVariableRecord, ProductVariableRecord } from "../records/variable.ts";

/** Variables of a product and overrides of a license; every query filters by its owner. */
export interface VariableStore {
  /** Creates or replaces the product's variable `record.name` (createdAt kept on replace). */
  putProductVariable(record: ProductVariableRecord): Promise<void>;
  /** The product's variables, by name. */
  listProductVariables(productId: string): Promise<ProductVariableRecord[]>;
  findProductVariable(productId: string, name: string): Promise<ProductVariableRecord | null>;
  /** False when the product has no such variable. */
  deleteProductVariable(productId: string, name: string): Promise<boolean>;
  /** Creates or replaces the license's override `record.name` (createdAt kept on replace). */
  putLicenseVariable(record: LicenseVariableRecord): Promise<void>;
  /** The license's overrides, by name. */
  listLicenseVariables(licenseId: string): Promise<LicenseVariableRecord[]>;
  findLicenseVariable(licenseId: string, name: string): Promise<LicenseVariableRecord | null>;
  /** False when the license has no such override. */
  deleteLicenseVariable(licenseId: string, name: string): Promise<boolean>;
}
