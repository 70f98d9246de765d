import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiValidationErrors } from '../common/http/api-errors.decorator';
import { ChangePage, ChangesQuery } from './dto/changes.dto';
import { ChangesService } from './changes.service';

@ApiTags('changes')
@Controller('changes')
export class ChangesController {
  constructor(private readonly changes: ChangesService) {}

  @Get()
  @Authenticated({ permission: 'changes.read' })
  @ApiOperation({
    summary:
      'What changed, in commit order, among the records the caller may read now: store `nextCursor` and resume `after` it to see every change at least once, even while many transactions commit. Items name the record (`entityType`, `entityId`) and its new `version`; fetch the record itself from its own path.',
  })
  @ApiOkResponse({ type: ChangePage })
  @ApiValidationErrors()
  list(@CurrentCaller() caller: Acting, @Query() query: ChangesQuery): Promise<ChangePage> {
    return this.changes.page(caller, query);
  }
}
