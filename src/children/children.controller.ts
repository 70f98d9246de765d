import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiGuardErrors, ApiIfMatch, ApiNotFoundInScope, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { birthNotInFuture } from './domain/child';
import { IfMatch } from '../common/http/request-headers';
import { UuidParam } from '../common/http/uuid-param';
import { ChildrenService } from './children.service';
import { ChildView, CreateChildRequest, UpdateChildRequest } from './dto/child.dto';

@ApiTags('children')
@Controller('children')
export class ChildrenController {
  constructor(private readonly children: ChildrenService) {}

  @Post()
  @Authenticated({ permission: 'children.write' })
  @ApiOperation({ summary: 'Register a child. A likely duplicate answers 409 with the candidates unless confirmNotDuplicate is true.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ChildView })
  @ApiConflictResponse({
    description:
      'problem+json `POSSIBLE_DUPLICATE_CHILD` with `candidates: [{ id, systemCode }]` (only those in your scope) and `elsewhere`, how many possible matches exist outside it. Confirmed registrations are flagged for review (`GET /possible-duplicates`).',
  })
  @ApiGuardErrors(birthNotInFuture.codes)
  @ApiValidationErrors()
  create(@CurrentCaller() caller: Acting, @Body() body: CreateChildRequest): Promise<ChildView> {
    return this.children.create(caller, body);
  }

  @Get(':id')
  @Authenticated({ permission: 'children.read' })
  @ApiOperation({ summary: 'One child’s record. Every read is written to the audit log.' })
  @ApiOkResponse({ type: ChildView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<ChildView> {
    return this.children.get(caller, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'children.write' })
  @ApiOperation({ summary: 'Correct a child’s identity or circumstances.' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: ChildView })
  @ApiGuardErrors(birthNotInFuture.codes)
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  @ApiIfMatch()
  update(
    @CurrentCaller() caller: Acting,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateChildRequest,
    @IfMatch() ifMatch?: string,
  ): Promise<ChildView> {
    return this.children.update(caller, id, body, ifMatch);
  }
}
