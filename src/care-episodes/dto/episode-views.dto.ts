import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMeta } from '../../common/http/pagination';
import { CLOSE_REASONS, EPISODE_STATUSES, PLACEMENT_TYPES, REFERRAL_REASONS, type CloseReason, type EpisodeStatus, type PlacementType, type ReferralReason } from '../domain/care-episode';
import { EPISODE_STEPS, type EpisodeStep } from '../domain/care-episode.transitions';
import { HANDOVER_ACTIONS, type HandoverAction } from '../domain/handover.transitions';
import { HandoverView } from '../handovers/handover.dto';

export class EpisodeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) childId: string;
  @ApiProperty({ format: 'uuid' }) responsibleAgencyId: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ enum: EPISODE_STATUSES }) status: EpisodeStatus;
  @ApiProperty({ enum: [...EPISODE_STEPS, ...HANDOVER_ACTIONS], isArray: true, description: 'What you may do next: your role, the status, and whose case it is decide it.' })
  allowedActions: (EpisodeStep | HandoverAction)[];
  @ApiProperty({ format: 'date' }) referredOn: string;
  @ApiProperty({ enum: REFERRAL_REASONS, isArray: true }) reasons: ReferralReason[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) facilityId: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) residentialSince: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) lastReviewOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) nextReviewDue: string | null;
  @ApiProperty() reviewOverdue: boolean;
  @ApiProperty({ enum: PLACEMENT_TYPES, nullable: true }) targetPlacementType: PlacementType | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) familyTracedOn: string | null;
  @ApiProperty({ enum: PLACEMENT_TYPES, nullable: true }) placementType: PlacementType | null;
  @ApiProperty({ nullable: true, type: String }) carerName: string | null;
  @ApiProperty({ nullable: true, type: String }) carerRelationship: string | null;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ nullable: true, type: String }) placementDistrictCode: string | null;
  @ApiProperty({ nullable: true, type: String }) placementCommuneCode: string | null;
  @ApiProperty({ nullable: true, type: String }) placementVillageCode: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', nullable: true, properties: { nameEn: { type: 'string' }, nameKm: { type: 'string' } } },
    description: 'The names of the placement’s district, commune and village (null where no code is set).',
  })
  placementPlaces: Record<string, { nameEn: string; nameKm: string } | null>;
  @ApiProperty({ format: 'date', nullable: true, type: String }) placedOn: string | null;
  @ApiProperty() visitsSincePlacement: number;
  @ApiProperty({ format: 'date', nullable: true, type: String }) lastVisitOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) nextVisitDue: string | null;
  @ApiProperty() visitOverdue: boolean;
  @ApiProperty({ format: 'date' }) lastEventOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ enum: CLOSE_REASONS, nullable: true }) closeReason: CloseReason | null;
  @ApiProperty({ type: HandoverView, nullable: true, description: 'A request that another agency take over the case, while it awaits an answer.' })
  pendingHandover: HandoverView | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

/** An episode in a list names its child, so a worklist needs no second call per child. */
export class EpisodeListItem extends EpisodeView {
  @ApiProperty({ example: 'CH-7K2M9QX4RT' }) childSystemCode: string;
  @ApiPropertyOptional({ description: 'The child’s names, for callers who may read the child.' }) childGivenName?: string;
  @ApiPropertyOptional() childFamilyName?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) childGivenNameKm?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) childFamilyNameKm?: string | null;
}

export class EpisodePage extends PageMeta {
  @ApiProperty({ type: [EpisodeListItem] }) items: EpisodeListItem[];
}

export class EpisodeEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The actor’s agency.' }) actorAgencyId: string | null;
  @ApiProperty({ format: 'uuid' }) responsibleAgencyId: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) facilityId: string | null;
  @ApiProperty({ nullable: true, type: String }) placementType: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: object;
}

export class EpisodeEventList {
  @ApiProperty({ type: [EpisodeEventView] }) items: EpisodeEventView[];
}
