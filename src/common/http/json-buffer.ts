/**
 * JSON written straight into bytes, for answers of thousands of rows: fragments that repeat (a
 * group's dimensions, a province's names) are encoded once and copied, numbers and ASCII are
 * written in place. No row object and no 2 MB string is made, so the collector has almost nothing
 * to trace, and the bytes are what is sent.
 */
const CHUNK_BYTES = 256 * 1024;
const SHORT = 48;

export class JsonBuffer {
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  /** Bytes made once (see `encode`), copied in. */
  bytes(bytes: Buffer): this {
    const length = bytes.length;
    if (length > this.chunk.length - this.used) this.flush(length);
    // Short pieces are copied byte by byte: cheaper than a call into native code for each.
    if (length <= SHORT) {
      const chunk = this.chunk;
      let at = this.used;
      for (let i = 0; i < length; i++) chunk[at++] = bytes[i];
      this.used = at;
    } else {
      bytes.copy(this.chunk, this.used);
      this.used += length;
    }
    return this;
  }

  /** Text known to be ASCII (punctuation, names of fields, dates, digits). */
  ascii(text: string): this {
    const length = text.length;
    if (length > this.chunk.length - this.used) this.flush(length);
    if (length <= SHORT) {
      const chunk = this.chunk;
      let at = this.used;
      for (let i = 0; i < length; i++) chunk[at++] = text.charCodeAt(i);
      this.used = at;
    } else {
      this.used += this.chunk.write(text, this.used, 'latin1');
    }
    return this;
  }

  /** A number, or null. */
  number(value: number | null): this {
    if (value === null) return this.ascii('null');
    if (!Number.isSafeInteger(value) || value < 0) return this.ascii(String(value));
    // A count: its digits written in place, with no string made.
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    if (digits > this.chunk.length - this.used) this.flush(digits);
    let at = this.used + digits;
    this.used = at;
    let rest = value;
    do {
      this.chunk[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
    return this;
  }

  boolean(value: boolean): this {
    return this.ascii(value ? 'true' : 'false');
  }

  /** Any value, as JSON.stringify writes it (for the few fields around the rows). */
  value(value: unknown): this {
    return this.bytes(encode(value));
  }

  /** The whole answer. */
  toBuffer(): Buffer {
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.alloc(0);
    this.used = 0;
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
  }

  private flush(needed: number): void {
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, needed));
    this.used = 0;
  }
}

/** A value's JSON as UTF-8 bytes, to be copied into answers. */
export const encode = (value: unknown): Buffer => Buffer.from(JSON.stringify(value) ?? 'null');
