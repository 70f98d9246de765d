import { getMetadataStorage, IsInt, IsString, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Derived extends Base {
  @IsInt()
  count!: number;
}

const rulesOf = (target: abstract new (...args: never[]) => unknown) =>
  getMetadataStorage()
    .getTargetValidationMetadatas(target, '', false, false)
    .map((m) => `${m.propertyName}:${m.name ?? m.type}`)
    .sort();

describe('the cache of class-validator rules', () => {
  const before = rulesOf(Derived);
  beforeAll(() => cacheValidationMetadata());

  it('answers what class-validator answers, inherited rules included, once per class', () => {
    expect(rulesOf(Derived)).toEqual(before);
    expect(before).toEqual(['count:isInt', 'name:isString']);
    const storage = getMetadataStorage();
    expect(storage.getTargetValidationMetadatas(Derived, '', false, false)).toBe(storage.getTargetValidationMetadatas(Derived, '', false, false));
  });

  it('is installed once however often it is asked', () => {
    const storage = getMetadataStorage() as unknown as Record<string, unknown>;
    const lookup = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(lookup);
  });

  it('forgets its answers when a rule is added, so a rule declared later is applied', async () => {
    class Late {
      label!: unknown;
    }
    expect(rulesOf(Late)).toEqual([]);
    IsString()(Late.prototype, 'label');
    expect(rulesOf(Late)).toEqual(['label:isString']);
    const late = Object.assign(new Late(), { label: 42 });
    expect((await validate(late)).map((e) => e.property)).toEqual(['label']);
  });

  it('still validates as before: a wrong value in a parent field is found', async () => {
    const value = Object.assign(new Derived(), { name: 7, count: 1 });
    expect((await validate(value)).map((e) => e.property)).toEqual(['name']);
  });
});
