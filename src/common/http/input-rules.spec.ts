import { inputProblems, textProblem } from './input-rules';

describe('input rules applied before field validation', () => {
  it('refuses NUL, other control characters and lone surrogates, and keeps Khmer, tabs and newlines', () => {
    expect(textProblem('Sok\u0000')).toMatch(/NUL/);
    expect(textProblem('a\u001Bb')).toMatch(/control/);
    expect(textProblem('x\uD800')).toMatch(/surrogate/);
    expect(textProblem('\uDC00x')).toMatch(/surrogate/);
    expect(textProblem('ស្រីនាង 😀')).toBeNull();
    expect(textProblem('line one\nline two\tand a tab')).toBeNull();
  });

  it('keeps tabs and line breaks to free text: names and codes are one line', () => {
    expect(inputProblems({ note: 'first line\nsecond', summary: 'a\tb' }, '')).toEqual([]);
    expect(inputProblems({ givenName: 'Sok\nChan' }, '')).toEqual([{ field: 'givenName', messages: ['givenName must be one line, without tabs'] }]);
  });

  it('names the field of a bad text, however deep', () => {
    expect(inputProblems({ ratings: { clothing: { note: 'x\u0000' } } }, '')).toEqual([
      { field: 'ratings.clothing.note', messages: ['ratings.clothing.note must not contain a NUL character'] },
    ]);
    expect(inputProblems({ items: ['ok', 'x\uD800'] }, '')).toEqual([{ field: 'items[1]', messages: ['items[1] must be well-formed Unicode (it contains a lone surrogate)'] }]);
  });

  it('refuses nesting deeper than 32 levels without exhausting the stack', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(inputProblems(deep, '')[0].messages[0]).toMatch(/nested deeper than 32 levels/);
    let fine: unknown = 'end';
    for (let i = 0; i < 31; i++) fine = [fine];
    expect(inputProblems(fine, '')).toEqual([]);
  });

  it('refuses keys that name an object’s prototype as unknown fields', () => {
    expect(inputProblems(JSON.parse('{"name":"x","__proto__":{"admin":true}}'), '')).toEqual([{ field: '__proto__', messages: ['property __proto__ should not exist'] }]);
    expect(inputProblems({ constructor: 1 }, '')[0].field).toBe('constructor');
  });
});
