import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiValidationErrors } from '../common/http/api-errors.decorator';
import { decodeCursor, pageOf } from '../common/http/pagination';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';
import { AuditEventPage, AuditListQuery, ChainVerificationView } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Authenticated({ permission: 'audit.read' })
  @ApiOperation({ summary: 'The audit log, newest first, filterable by actor, entity, action and time.' })
  @ApiOkResponse({ type: AuditEventPage })
  @ApiValidationErrors()
  async list(@CurrentCaller() caller: Acting, @Query() query: AuditListQuery): Promise<AuditEventPage> {
    const limit = query.limit ?? 50;
    const qb = caller.work.manager.createQueryBuilder(AuditEvent, 'e');
    if (query.cursor) qb.andWhere('e.seq < :cursor', { cursor: decodeCursor<{ seq: string }>(query.cursor, (p) => typeof p.seq === 'string' && /^\d{1,18}$/.test(p.seq)).seq });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });
    const rows = await qb.orderBy('e.seq', 'DESC').limit(limit + 1).getMany();
    return pageOf(rows, limit, (last) => ({ seq: last.seq }));
  }

  @Get('verify')
  @Authenticated({ permission: 'audit.read' })
  @ApiOperation({ summary: 'Recompute the hash chain and report the first event that does not match.' })
  @ApiOkResponse({ type: ChainVerificationView })
  verify(@CurrentCaller() caller: Acting): Promise<ChainVerificationView> {
    return this.audit.verifyChain(caller.work);
  }
}
