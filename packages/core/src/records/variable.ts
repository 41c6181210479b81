/** A product's configuration variable (docs/variables.md). Times are epoch milliseconds. */
export interface ProductVariableRecord {
  productId: string;
  name: string;
  value: string;
  /** Shown only to admins and to the app's signed call. */
  secret: boolean;
  description: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A license's override of a variable: it wins over the product's value of the same name. */
export interface LicenseVariableRecord {
  licenseId: string;
  name: string;
  value: string;
  createdAt: number;
  updatedAt: number;
}
