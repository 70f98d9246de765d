import type { Effect } from '../../common/state-machine/steps';
import { defaultEndsOn, type MouStoredStatus } from './mou';
import type { MouFacts } from './mou.transitions';

export interface MouState {
  status: MouStoredStatus;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  terminationReason: string | null;
  terminatedOn: string | null;
}

export interface ActivateBody {
  signedOn: string;
  startsOn: string;
  endsOn?: string;
}

export interface TerminateBody {
  reason: string;
  terminatedOn?: string;
}

export interface RenewBody {
  referenceNumber: string;
}

export interface MouBodies {
  activate: ActivateBody;
  terminate: TerminateBody;
  renew: RenewBody;
  supersede: { supersededById: string };
}

/** What each MoU step changes. `renew` changes nothing on the MoU itself: the service drafts the renewal. */
export const mouEffects: { [A in keyof MouBodies]: Effect<MouState, MouBodies[A], MouFacts> } = {
  activate: {
    facts: (b) => ({ signedOn: b.signedOn, startsOn: b.startsOn, endsOn: b.endsOn ?? defaultEndsOn(b.startsOn) }),
    apply: (_m, b, f) => ({
      changes: { signedOn: b.signedOn, startsOn: b.startsOn, endsOn: f.endsOn ?? null },
      payload: { signedOn: b.signedOn, startsOn: b.startsOn, endsOn: f.endsOn },
    }),
  },
  terminate: {
    facts: (b, base) => ({ terminatedOn: b.terminatedOn ?? base.today }),
    apply: (_m, b, f) => ({
      changes: { terminationReason: b.reason, terminatedOn: f.terminatedOn ?? null },
      payload: { terminatedOn: f.terminatedOn },
      reason: b.reason,
    }),
  },
  renew: { apply: () => ({ changes: {}, payload: {} }) },
  supersede: { apply: (_m, b) => ({ changes: {}, payload: { supersededById: b.supersededById } }) },
};
