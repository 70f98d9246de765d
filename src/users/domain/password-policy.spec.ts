import { passwordProblems } from './password-policy';

describe('the password policy', () => {
  it('refuses short, common and guessable passwords, and those containing the username', () => {
    expect(passwordProblems('short')).toEqual(['password must be at least 12 characters long']);
    for (const common of ['password1234', 'qwertyuiop123', 'iloveyou12345', '111111111111', 'Password123!']) {
      expect([common, passwordProblems(common)]).toEqual([common, [expect.stringMatching(/too common/)]]);
    }
    expect(passwordProblems('sophea-and-her-garden', 'sophea')).toEqual(['password must not contain the username']);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblems('a-brand-new-password', 'sophea')).toEqual([]);
    expect(passwordProblems('lotus pond at dawn', 'dara')).toEqual([]);
  });
});
