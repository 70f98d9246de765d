import { PreconditionFailed } from '../errors/domain-errors';

export function etagOf(record: { id: string; version: number }): string {
  return `W/"${record.id}.${record.version}"`;
}

/** Refuses the write when the client sent If-Match and it names another version of the record. */
export function checkIfMatch(ifMatch: string | undefined, record: { id: string; version: number }): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const current = etagOf(record);
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  const matches = ifMatch.split(',').some((tag) => strip(tag) === strip(current));
  if (!matches) throw new PreconditionFailed(current);
}
