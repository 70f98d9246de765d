import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;

// zxcvbn-ts with its common dictionary (frequent passwords, names, words) and keyboard patterns. Built
// on the first password checked: its ranked dictionaries take 3.4 MB that a process which never sets
// a password (most of them, most of the time) does not need to hold.
let strength: ZxcvbnFactory | undefined;
const strengthChecker = (): ZxcvbnFactory => (strength ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

/**
 * Why a password is refused, or nothing: at least 12 characters, not containing the username, and
 * not among the common or easily guessed passwords (zxcvbn's score of 3 or more, about 10^8 guesses).
 */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('password must not contain the username');
  if (problems.length === 0 && strengthChecker().check(password.slice(0, 100), username ? [username] : []).score < 3) {
    problems.push('password is too common or too easy to guess: use a longer passphrase of unrelated words');
  }
  return problems;
}
