import { GuardFailed, TransitionNotAllowed } from '../errors/domain-errors';
import { allowedActions, applyTransition, assertRoleMayEverTake, TransitionTable } from './transition-table';

type Light = 'red' | 'green' | 'amber';
type Role = 'driver' | 'warden';
interface Facts {
  powered: boolean;
}
const powered = (facts: Facts) => (facts.powered ? null : 'no_power');
const table: TransitionTable<Light, Role, Facts> = {
  go: { from: ['red'], to: 'green', roles: ['warden'], guards: [powered] },
  slow: { from: ['green'], to: 'amber', roles: ['warden', 'driver'], guards: [] },
  stop: { from: ['amber', 'green'], to: 'red', roles: ['warden'], guards: [] },
  blink: { from: ['amber'], to: 'same', roles: ['warden'], guards: [] },
  flash: { from: ['red', 'amber'], to: 'green', roles: ['warden', 'driver'], rolesFrom: { red: ['warden'] }, guards: [] },
};

describe('applyTransition', () => {
  it('returns the target state when the role may act from this state and every guard passes', () => {
    expect(applyTransition(table, { action: 'go', from: 'red', role: 'warden', facts: { powered: true } })).toBe('green');
  });

  it('keeps the state for a transition to the same state', () => {
    expect(applyTransition(table, { action: 'blink', from: 'amber', role: 'warden', facts: { powered: true } })).toBe('amber');
  });

  it('refuses an action from the wrong state and lists what is allowed', () => {
    const attempt = () => applyTransition(table, { action: 'go', from: 'green', role: 'warden', facts: { powered: true } });
    expect(attempt).toThrow(TransitionNotAllowed);
    try {
      attempt();
    } catch (error) {
      expect((error as TransitionNotAllowed).extra.allowedActions).toEqual(['slow', 'stop']);
    }
  });

  it('narrows the roles for a source state listed in rolesFrom', () => {
    expect(applyTransition(table, { action: 'flash', from: 'amber', role: 'driver', facts: { powered: true } })).toBe('green');
    expect(() => applyTransition(table, { action: 'flash', from: 'red', role: 'driver', facts: { powered: true } })).toThrow(
      TransitionNotAllowed,
    );
  });

  it('refuses an action the role may not take', () => {
    expect(() => applyTransition(table, { action: 'stop', from: 'green', role: 'driver', facts: { powered: true } })).toThrow(
      TransitionNotAllowed,
    );
  });

  it('refuses an unknown action, even one named like an Object property', () => {
    expect(() => applyTransition(table, { action: 'toString', from: 'red', role: 'warden', facts: { powered: true } })).toThrow(
      TransitionNotAllowed,
    );
  });

  it('names the failing guard', () => {
    try {
      applyTransition(table, { action: 'go', from: 'red', role: 'warden', facts: { powered: false } });
      fail('expected a GuardFailed');
    } catch (error) {
      expect(error).toBeInstanceOf(GuardFailed);
      expect((error as GuardFailed).guard).toBe('no_power');
    }
  });
});

describe('allowedActions', () => {
  it('lists the actions of a state for a role', () => {
    expect(allowedActions(table, 'green', 'driver')).toEqual(['slow']);
    expect(allowedActions(table, 'red', 'driver')).toEqual([]);
    expect(allowedActions(table, 'red', 'warden')).toEqual(['go', 'flash']);
  });
});

describe('assertRoleMayEverTake', () => {
  it('refuses a role that no source state allows, and lets through one that some state allows', () => {
    expect(() => assertRoleMayEverTake(table, 'stop', 'driver')).toThrow('may never');
    expect(() => assertRoleMayEverTake(table, 'flash', 'driver')).not.toThrow();
  });
});
