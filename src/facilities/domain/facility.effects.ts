import { addDays } from '../../common/time/calendar';
import type { Effect } from '../../common/state-machine/steps';
import { REMEDIATION_DEFAULT_DAYS, type FacilityStatus } from './facility';
import type { FacilityBodies } from './facility.bodies';
import type { FacilityAction, FacilityFacts } from './facility.transitions';

/** The fields of a facility its lifecycle changes. */
export interface FacilityState {
  status: FacilityStatus;
  remediationDeadline: string | null;
  transitionTargetService: string | null;
  transitionTargetDate: string | null;
}

const withReason = <B extends { reason?: string }>(): Effect<FacilityState, B, FacilityFacts> => ({
  apply: (_f, b) => ({ changes: {}, payload: {}, reason: b.reason ?? null }),
});

/** What each facility action changes besides its status, and what its status event records. */
export const facilityEffects: { [A in FacilityAction]: Effect<FacilityState, FacilityBodies[A], FacilityFacts> } = {
  submitApplication: withReason(),
  authorize: withReason(),
  reject: withReason(),
  requireRemediation: {
    facts: (b, base) => ({ deadline: b.deadline ?? addDays(base.today, REMEDIATION_DEFAULT_DAYS) }),
    apply: (_f, b, facts) => ({ changes: { remediationDeadline: facts.deadline }, payload: { deadline: facts.deadline }, reason: b.reason }),
  },
  clearRemediation: { apply: (_f, b) => ({ changes: { remediationDeadline: null }, payload: {}, reason: b.reason ?? null }) },
  suspend: withReason(),
  reinstate: withReason(),
  beginTransition: {
    facts: (b) => ({ targetDate: b.targetDate }),
    apply: (_f, b) => ({
      changes: { transitionTargetDate: b.targetDate, transitionTargetService: b.targetService },
      payload: { targetDate: b.targetDate },
      reason: b.reason ?? null,
    }),
  },
  completeTransition: withReason(),
  close: withReason(),
};
