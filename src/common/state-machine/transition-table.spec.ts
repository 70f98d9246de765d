import { GuardFailed, TransitionNotAllowed } from '../errors/domain-errors';
import { allowedActions, applyCreation, applySystemTransition, applyTransition, assertRoleMayEverTake, guard, guardCodes, TransitionTable } from './transition-table';

type Light = 'red' | 'green' | 'amber';
type Role = 'driver' | 'warden';
interface Facts {
  powered: boolean;
  watched: boolean;
}
const powered = guard<Facts>('no_power', (facts) => facts.powered);
const watched = guard<Facts>('not_watched', (facts) => facts.watched, { whenReading: true });
const table: TransitionTable<Light, Role, Facts> = {
  go: { from: ['red'], to: 'green', roles: ['warden'], guards: [powered] },
  slow: { from: ['green'], to: 'amber', roles: ['warden', 'driver'], guards: [] },
  stop: { from: ['amber', 'green'], to: 'red', roles: ['warden'], guards: [] },
  blink: { from: ['amber'], to: 'same', roles: ['warden'], guards: [] },
  flash: { from: ['red', 'amber'], to: 'green', roles: ['warden', 'driver'], rolesFrom: { red: ['warden'] }, guards: [] },
  install: { from: [], to: 'red', creates: true, roles: ['warden'], guards: [powered] },
  fail: { from: ['green', 'amber'], to: 'red', system: true, roles: [], guards: [] },
  inspect: { from: ['red'], to: 'same', roles: ['warden'], guards: [watched, powered] },
};

describe('applyTransition', () => {
  it('returns the target state when the role may act from this state and every guard passes', () => {
    expect(applyTransition(table, { action: 'go', from: 'red', role: 'warden', facts: { powered: true, watched: true } })).toBe('green');
  });

  it('keeps the state for a transition to the same state', () => {
    expect(applyTransition(table, { action: 'blink', from: 'amber', role: 'warden', facts: { powered: true, watched: true } })).toBe('amber');
  });

  it('refuses an action from the wrong state and lists what is allowed', () => {
    const attempt = () => applyTransition(table, { action: 'go', from: 'green', role: 'warden', facts: { powered: true, watched: true } });
    expect(attempt).toThrow(TransitionNotAllowed);
    try {
      attempt();
    } catch (error) {
      expect((error as TransitionNotAllowed).extra.allowedActions).toEqual(['slow', 'stop']);
    }
  });

  it('narrows the roles for a source state listed in rolesFrom', () => {
    expect(applyTransition(table, { action: 'flash', from: 'amber', role: 'driver', facts: { powered: true, watched: true } })).toBe('green');
    expect(() => applyTransition(table, { action: 'flash', from: 'red', role: 'driver', facts: { powered: true, watched: true } })).toThrow(
      TransitionNotAllowed,
    );
  });

  it('refuses an action the role may not take', () => {
    expect(() => applyTransition(table, { action: 'stop', from: 'green', role: 'driver', facts: { powered: true, watched: true } })).toThrow(
      TransitionNotAllowed,
    );
  });

  it('refuses an unknown action, even one named like an Object property', () => {
    expect(() => applyTransition(table, { action: 'toString', from: 'red', role: 'warden', facts: { powered: true, watched: true } })).toThrow(
      TransitionNotAllowed,
    );
  });

  it('names the failing guard', () => {
    try {
      applyTransition(table, { action: 'go', from: 'red', role: 'warden', facts: { powered: false, watched: true } });
      fail('expected a GuardFailed');
    } catch (error) {
      expect(error).toBeInstanceOf(GuardFailed);
      expect((error as GuardFailed).guard).toBe('no_power');
    }
  });
});

describe('allowedActions', () => {
  it('lists the actions of a state for a role, never a creation or a system step', () => {
    expect(allowedActions(table, 'green', 'driver')).toEqual(['slow']);
    expect(allowedActions(table, 'red', 'driver')).toEqual([]);
    expect(allowedActions(table, 'red', 'warden')).toEqual(['go', 'flash', 'inspect']);
  });

  it('given the facts known when reading, leaves out what a whenReading guard would refuse, and only that', () => {
    expect(allowedActions(table, 'red', 'warden', { powered: false, watched: false })).toEqual(['go', 'flash']);
    expect(allowedActions(table, 'red', 'warden', { powered: false, watched: true })).toEqual(['go', 'flash', 'inspect']);
  });
});

describe('creation and system steps', () => {
  it('creates with the table’s roles and guards', () => {
    expect(applyCreation(table, { action: 'install', role: 'warden', facts: { powered: true, watched: true } })).toBe('red');
    expect(() => applyCreation(table, { action: 'install', role: 'driver', facts: { powered: true, watched: true } })).toThrow('may never');
    expect(() => applyCreation(table, { action: 'install', role: 'warden', facts: { powered: false, watched: true } })).toThrow(GuardFailed);
  });

  it('takes a system step only as a system step, from its states', () => {
    expect(applySystemTransition(table, { action: 'fail', from: 'amber', facts: { powered: true, watched: true } })).toBe('red');
    expect(() => applyTransition(table, { action: 'fail', from: 'amber', role: 'warden', facts: { powered: true, watched: true } })).toThrow(TransitionNotAllowed);
    expect(() => applySystemTransition(table, { action: 'fail', from: 'red', facts: { powered: true, watched: true } })).toThrow(TransitionNotAllowed);
  });
});

describe('guardCodes', () => {
  it('lists the reason codes of an action’s guards, as data', () => {
    expect(guardCodes(table, 'inspect')).toEqual(['not_watched', 'no_power']);
    expect(guardCodes(table, 'slow')).toEqual([]);
  });
});

describe('assertRoleMayEverTake', () => {
  it('refuses a role that no source state allows, and lets through one that some state allows', () => {
    expect(() => assertRoleMayEverTake(table, 'stop', 'driver')).toThrow('may never');
    expect(() => assertRoleMayEverTake(table, 'flash', 'driver')).not.toThrow();
  });
});
