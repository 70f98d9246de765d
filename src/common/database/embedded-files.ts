import path from 'node:path';

/** Where a running app leaves the embedded server's URL, beside its data folder. */
export function connectionFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.url`;
}

/** The generated password of the embedded server, beside its data folder, readable by this user alone. */
export function passwordFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.password`;
}

/** The pid of the app that started the embedded server: how the next start tells an orphan from a live server. */
export function ownerFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.owner`;
}
