/** Lines for a long seed: what it is doing, how far it is, every few seconds; never silent for minutes. */
export class Progress {
  private last = Date.now();
  private readonly began = Date.now();

  constructor(
    private readonly log: (line: string) => void,
    private readonly everyMs = 3000,
  ) {}

  /** A new phase: said at once. */
  phase(what: string): void {
    this.log(`[${this.elapsed()}] ${what}`);
    this.last = Date.now();
  }

  /** Within a phase: said when a few seconds have passed since the last line. */
  tick(what: () => string): void {
    if (Date.now() - this.last < this.everyMs) return;
    this.phase(what());
  }

  private elapsed(): string {
    const seconds = Math.round((Date.now() - this.began) / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }
}

export const percent = (done: number, total: number) => `${total === 0 ? 100 : Math.floor((done / total) * 100)}%`;
