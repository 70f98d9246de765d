import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiIfMatch, ApiNotFoundInScope, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { IfMatch } from '../common/http/request-headers';
import { UuidParam } from '../common/http/uuid-param';
import { AgenciesService } from './agencies.service';
import { AgencyListQuery, AgencyPage, AgencyView, CreateAgencyRequest, UpdateAgencyRequest } from './dto/agency.dto';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Post()
  @Authenticated({ permission: 'agencies.write' })
  @ApiOperation({ summary: 'Register an agency (government office, NGO, faith-based or private operator).' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AgencyView })
  @ApiValidationErrors()
  create(@CurrentCaller() caller: Acting, @Body() body: CreateAgencyRequest): Promise<AgencyView> {
    return this.agencies.create(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'agencies.read' })
  @ApiOperation({ summary: 'List agencies. An ngo_worker sees only its own.' })
  @ApiOkResponse({ type: AgencyPage })
  @ApiValidationErrors()
  list(@CurrentCaller() caller: Acting, @Query() query: AgencyListQuery): Promise<AgencyPage> {
    return this.agencies.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'agencies.read' })
  @ApiOperation({ summary: 'One agency, with its ETag.' })
  @ApiOkResponse({ type: AgencyView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<AgencyView> {
    return this.agencies.get(caller, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'agencies.write' })
  @ApiOperation({ summary: 'Change an agency’s name, type or registration number.' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: AgencyView })
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  @ApiIfMatch()
  update(
    @CurrentCaller() caller: Acting,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateAgencyRequest,
    @IfMatch() ifMatch?: string,
  ): Promise<AgencyView> {
    return this.agencies.update(caller, id, body, ifMatch);
  }
}
