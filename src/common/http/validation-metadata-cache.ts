import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Target = abstract new (...args: never[]) => unknown;
type Lookup = (target: Target, schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]) => ValidationMetadata[];
interface Storage {
  getTargetValidationMetadatas: Lookup;
  addValidationMetadata(metadata: ValidationMetadata): void;
}

const cached = new WeakSet<object>();

/**
 * class-validator finds a class's rules anew on every validation, the nested ones included: it
 * walks every class that has any rule to find the class's parents. The rules are fixed once the
 * DTO modules have loaded, so the answer is kept per class and question, and forgotten whenever a
 * rule is added. On the hot write this lookup was a fifth of validation's cost.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as Storage;
  if (cached.has(storage)) return;
  cached.add(storage);
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const fresh = () => new WeakMap<Target, Map<string, ValidationMetadata[]>>();
  let answers = fresh();
  storage.addValidationMetadata = (metadata) => {
    answers = fresh();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forTarget = answers.get(target);
    if (!forTarget) answers.set(target, (forTarget = new Map<string, ValidationMetadata[]>()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
}
