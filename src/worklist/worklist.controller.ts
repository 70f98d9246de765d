import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiValidationErrors } from '../common/http/api-errors.decorator';
import { Worklist, WorklistQuery } from './worklist.dto';
import { WorklistService } from './worklist.service';

@ApiTags('worklist')
@Controller('worklist')
export class WorklistController {
  constructor(private readonly worklists: WorklistService) {}

  @Get()
  @Authenticated({ permission: 'worklist.read' })
  @ApiOperation({
    summary:
      'What the caller should act on, soonest first: visits and reviews due, referrals waiting for an assessment and handovers to answer (case workers); inspections due or awaiting approval, corrective actions due and MoUs expiring (inspectors). In the caller’s scope.',
  })
  @ApiOkResponse({ type: Worklist })
  @ApiValidationErrors()
  get(@CurrentCaller() caller: Acting, @Query() query: WorklistQuery): Promise<Worklist> {
    return this.worklists.worklist(caller, query);
  }
}
