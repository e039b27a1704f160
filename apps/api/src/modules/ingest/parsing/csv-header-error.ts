/** A CSV file whose header row is malformed or lacks a required column (the whole file is refused). */
export class CsvHeaderError extends Error {
  constructor(
    message: string,
    /** The required columns the header lacks, if that is the problem. */
    readonly missing: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CsvHeaderError';
  }

  static missingColumns(missing: readonly string[]): CsvHeaderError {
    const list = missing.map((c) => `"${c}"`).join(', ');
    return new CsvHeaderError(`the header row lacks the required column${missing.length > 1 ? 's' : ''} ${list}`, missing);
  }
}
