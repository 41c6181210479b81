import type { ResultSet } from "@libsql/client";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "../schema/index.ts";

/** The database or an open transaction: repositories run on either. */
export type Executor = BaseSQLiteDatabase<"async", ResultSet, typeof schema>;
