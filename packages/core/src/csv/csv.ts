/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled.
 * The parser is incremental so an import of any size streams with bounded memory.
 */

function needsQuotes(value: string): boolean {
  return /[",\r\n]/.test(value) || value.startsWith(" ") || value.endsWith(" ");
}

/** One CSV line (with its \n) from already-stringified fields. */
export function formatCsvRow(fields: readonly string[]): string {
  return fields.map((f) => (needsQuotes(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",") + "\n";
}

export class CsvParseError extends Error {}

/** Push text as it arrives; complete records come back as arrays of fields. */
export class CsvParser {
  private field = "";
  private record: string[] = [];
  private inQuotes = false;
  /** A quote just closed a quoted field; the next char must be a delimiter or a doubled quote. */
  private afterQuote = false;
  private sawAnything = false;

  push(text: string): string[][] {
    const records: string[][] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      this.sawAnything = true;
      if (this.inQuotes) {
        if (c === '"') {
          this.inQuotes = false;
          this.afterQuote = true;
        } else {
          this.field += c;
        }
        continue;
      }
      if (this.afterQuote && c === '"') {
        this.field += '"';
        this.inQuotes = true;
        this.afterQuote = false;
        continue;
      }
      this.afterQuote = false;
      if (c === '"') {
        if (this.field !== "") throw new CsvParseError("A quote inside an unquoted field");
        this.inQuotes = true;
      } else if (c === ",") {
        this.record.push(this.field);
        this.field = "";
      } else if (c === "\n") {
        this.record.push(this.field.endsWith("\r") ? this.field.slice(0, -1) : this.field);
        records.push(this.record);
        this.record = [];
        this.field = "";
        this.sawAnything = false;
      } else {
        this.field += c;
      }
    }
    return records;
  }

  /** The last record when the text did not end with a line break. */
  end(): string[][] {
    if (this.inQuotes) throw new CsvParseError("Unterminated quoted field at end of input");
    if (!this.sawAnything && this.record.length === 0 && this.field === "") return [];
    this.record.push(this.field);
    const last = this.record;
    this.record = [];
    this.field = "";
    this.sawAnything = false;
    return [last];
  }
}
