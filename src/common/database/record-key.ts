import { randomInt } from 'node:crypto';

/** A record key for disclosure control: uniform from 0 to 255, drawn once when the record is made. */
export function newRecordKey(): number {
  return randomInt(256);
}
