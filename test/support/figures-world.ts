import { admission, daysFromToday as D, referral } from './builders';
import type { ApiClient } from './test-app';

/** One step of an episode, which must succeed (the worlds below are built, not tested). */
export type Act = (id: string, action: string, body: object) => Promise<void>;

export function actAs(social: ApiClient): Act {
  return async (id, action, body) => {
    const response = await social.post(`/care-episodes/${id}/${action}`, body);
    if (response.status !== 200 && response.status !== 201) throw new Error(`${action}: ${JSON.stringify(response.body)}`);
  };
}

/**
 * The part of the figures journeys' world after facility F1's children: 1 girl admitted to F2
 * (province 17) 50 days ago; 5 children placed in foster care at gatekeeping 40 days ago (sexes
 * alternate, a girl first), the first of whom breaks down 10 days ago; 1 child closed at assessment
 * 20 days ago.
 */
export async function restOfTheFiguresWorld(social: ApiClient, act: Act, agency: string, f2: string): Promise<void> {
  const inF2 = await referral(social, agency, { child: { sex: 'female' }, episode: { referredOn: D(-60), provinceCode: '17' } });
  await act(inF2.id, 'startAssessment', { occurredOn: D(-55) });
  await act(inF2.id, 'admit', admission(f2, { occurredOn: D(-50) }));
  for (let i = 0; i < 5; i++) {
    const e = await referral(social, agency, { child: { sex: i % 2 ? 'male' : 'female' }, episode: { referredOn: D(-45) } });
    await act(e.id, 'startAssessment', { occurredOn: D(-44) });
    await act(e.id, 'placeInFamily', { occurredOn: D(-40), placementType: 'foster_care', carerName: 'Foster family', provinceCode: '02' });
    if (i === 0) await act(e.id, 'reportBreakdown', { occurredOn: D(-10), reason: 'the placement broke down' });
  }
  const closed = await referral(social, agency, { episode: { referredOn: D(-25) } });
  await act(closed.id, 'closeAtAssessment', { occurredOn: D(-20), reason: 'stays home with support' });
}
