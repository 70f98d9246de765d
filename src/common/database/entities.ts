import { Agency } from '../../agencies/agency.entity';
import { AuditEvent } from '../../audit/audit-event.entity';
import { Province } from '../../provinces/province.entity';
import { User } from '../../users/user.entity';
import { IdempotencyRecord } from '../http/idempotency-record.entity';
import { Facility } from '../../facilities/facility.entity';
import { Mou } from '../../mous/mou.entity';
import { Inspection } from '../../inspections/inspection.entity';
import { CorrectiveAction } from '../../inspections/corrective-action.entity';
import { RegistryEvent } from '../../registry-events/registry-event.entity';
import { Child } from '../../children/child.entity';
import { CareEpisode } from '../../care-episodes/care-episode.entity';
import { CareEpisodeEvent } from '../../care-episodes/care-episode-event.entity';
import { CareReview } from '../../care-episodes/care-review.entity';
import { FollowUpVisit } from '../../care-episodes/follow-up-visit.entity';

export const ENTITIES = [Agency, User, Province, AuditEvent, IdempotencyRecord, Facility, Mou, Inspection, CorrectiveAction, RegistryEvent,
  Child, CareEpisode, CareEpisodeEvent, CareReview, FollowUpVisit];
