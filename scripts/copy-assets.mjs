// What the build copies beside the compiled code: the dashboard's files and the migrations' data.
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const folder of ['src/dashboard/public', 'migrations/data']) cpSync(join(root, folder), join(root, 'dist', folder), { recursive: true });
