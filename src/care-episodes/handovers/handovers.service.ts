import { Injectable } from '@nestjs/common';
import { Agency } from '../../agencies/agency.entity';
import { updateVersioned } from '../../common/database/versioned-update';
import { TransitionNotAllowed } from '../../common/errors/domain-errors';
import { checkIfMatch } from '../../common/http/etag';
import { applyCreation, applyTransition, assertRoleMayEverTake } from '../../common/state-machine/transition-table';
import { today as todayIn } from '../../common/time/calendar';
import type { Acting } from '../../common/database/unit-of-work';
import { CareEpisode } from '../care-episode.entity';
import { episodeActions } from '../care-episode.view';
import { CareEpisodesService } from '../care-episodes.service';
import { episodeEvent } from '../domain/care-episode.steps';
import { handoverFactsOf, handoverTransitions, type HandoverDecisionBody, type HandoverFacts, type RequestHandoverBody } from '../domain/handover.transitions';
import type { EpisodeView } from '../dto/episode-views.dto';
import { EpisodeAccess } from '../episode-access';
import { EpisodeEvents } from '../episode-events';
import { CaseHandover } from './case-handover.entity';

type Decision = 'acceptHandover' | 'declineHandover' | 'cancelHandover';

/**
 * Handing a case to another agency. The episode and its open handover are locked, so two decisions
 * at once (an accept and a cancel) serialise and exactly one wins; every step is an event of the episode.
 */
@Injectable()
export class HandoversService {
  constructor(
    private readonly access: EpisodeAccess,
    private readonly episodeEvents: EpisodeEvents,
    private readonly episodes: CareEpisodesService,
  ) {}

  async request(caller: Acting, episodeId: string, body: RequestHandoverBody, ifMatch?: string): Promise<EpisodeView> {
    assertRoleMayEverTake(handoverTransitions, 'requestHandover', caller.role);
    const episode = await this.access.findForWork(caller, episodeId);
    checkIfMatch(ifMatch, episode);
    const pending = (await this.access.pendingHandovers(caller.work, [episode.id], true)).get(episode.id) ?? null;
    const occurredOn = body.occurredOn ?? todayIn();
    const toAgencyExists = await caller.work.manager.existsBy(Agency, { id: body.toAgencyId });
    const facts = { ...this.facts(caller, episode, pending, occurredOn), toAgencyId: body.toAgencyId, toAgencyExists };
    const status = applyCreation(handoverTransitions, { action: 'requestHandover', role: caller.role, facts });
    const handover = await caller.work.manager.save(
      caller.work.manager.create(CaseHandover, {
        episodeId,
        fromAgencyId: episode.responsibleAgencyId,
        toAgencyId: body.toAgencyId,
        status,
        reason: body.reason,
        requestedById: caller.userId,
        requestedOn: occurredOn,
      }),
    );
    await this.record(caller, episode, 'requestHandover', handover, occurredOn, body.reason, {});
    return (await this.episodes.views(caller, [episode]))[0];
  }

  async decide(caller: Acting, episodeId: string, action: Decision, body: HandoverDecisionBody, ifMatch?: string): Promise<EpisodeView> {
    assertRoleMayEverTake(handoverTransitions, action, caller.role);
    const episode = await this.access.findForWork(caller, episodeId);
    checkIfMatch(ifMatch, episode);
    const pending = (await this.access.pendingHandovers(caller.work, [episode.id], true)).get(episode.id) ?? null;
    if (!pending) throw new TransitionNotAllowed(action, episode.status, episodeActions(caller, episode, null, todayIn()));
    const occurredOn = body.occurredOn ?? todayIn();
    const to = applyTransition(handoverTransitions, { action, from: pending.status, role: caller.role, facts: this.facts(caller, episode, pending, occurredOn) });
    await updateVersioned(caller.work.manager, CaseHandover, pending, { status: to, decidedById: caller.userId, decidedOn: occurredOn, decisionReason: body.reason ?? null });
    // Accepted: the receiving agency is responsible from now on, and the scope follows it.
    const responsible = to === 'accepted' ? { responsibleAgencyId: pending.toAgencyId } : {};
    await this.record(caller, episode, action, pending, occurredOn, body.reason ?? null, responsible);
    return (await this.episodes.views(caller, [episode]))[0];
  }

  private facts(caller: Acting, episode: CareEpisode, pending: CaseHandover | null, occurredOn: string): HandoverFacts {
    return handoverFactsOf(episode, pending, caller, todayIn(), occurredOn);
  }

  private async record(caller: Acting, episode: CareEpisode, action: string, handover: CaseHandover, occurredOn: string, reason: string | null, changes: Partial<CareEpisode>) {
    await updateVersioned(caller.work.manager, CareEpisode, episode, { ...changes, lastEventOn: occurredOn });
    const payload = { handoverId: handover.id, fromAgencyId: handover.fromAgencyId, toAgencyId: handover.toAgencyId };
    await this.episodeEvents.record(caller, episodeEvent(episode.id, episode, action, episode.status, occurredOn, { changes: {}, payload, reason, reEntry: false }));
  }
}
