import { localDate } from '@app/scoring';

const HOUR = 3_600_000;

/**
 * Local calendar date of many instants, fast: the date is computed once per
 * hour of input and cached (ingest needs it for every interface call). An
 * hour that straddles a local midnight (zones with non-whole-hour offsets) is
 * never cached.
 */
export class LocalDayResolver {
  private readonly byHour = new Map<number, string | null>();

  constructor(private readonly timeZone: string) {}

  date(ms: number): string {
    const hour = Math.floor(ms / HOUR);
    let date = this.byHour.get(hour);
    if (date === undefined) {
      const start = localDate(hour * HOUR, this.timeZone);
      date = start === localDate(hour * HOUR + HOUR - 1, this.timeZone) ? start : null;
      this.byHour.set(hour, date);
    }
    return date ?? localDate(ms, this.timeZone);
  }
}
