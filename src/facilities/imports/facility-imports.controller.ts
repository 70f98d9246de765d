import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { Authenticated, CurrentCaller } from '../../common/auth/authenticated.decorator';
import type { Acting } from '../../common/database/unit-of-work';
import { ApiValidationErrors } from '../../common/http/api-errors.decorator';
import { CsvBody } from '../../common/http/json-body';
import { toBoolean } from '../../common/http/query-values';
import { ValidationFailed } from '../../common/errors/domain-errors';
import { FacilityImportsService, MAX_IMPORT_ROWS } from './facility-imports.service';

class ImportQuery {
  @ApiPropertyOptional({ description: 'true (the default): check and report, store nothing.', default: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  dryRun?: boolean;
}

class ImportRowReportView {
  @ApiProperty({ description: 'The line of the file (the header is line 1).' }) row: number;
  @ApiProperty({ enum: ['created', 'duplicate', 'invalid'] }) status: string;
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional() registryCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The facility this row already is.' }) existingId?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } } } })
  errors?: { field: string; messages: string[] }[];
}

class ImportTotals {
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() invalid: number;
}

class ImportReportView {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'The rows marked created were stored: false on a dry run, and whenever any row is invalid (all or nothing).' }) committed: boolean;
  @ApiProperty({ type: [ImportRowReportView] }) rows: ImportRowReportView[];
  @ApiProperty({ type: ImportTotals }) totals: ImportTotals;
}

@ApiTags('facilities')
@Controller('facility-imports')
export class FacilityImportsController {
  constructor(private readonly imports: FacilityImportsService) {}

  @Post()
  @HttpCode(200)
  @Authenticated({ permission: 'facilities.write' })
  @ApiOperation({
    summary: `Import the mapping spreadsheet as CSV: a header row with the columns of a registration (name, nameKm, type, operatorAgencyId or operatorAgencyName, provinceCode, district, commune, village, capacity), at most ${MAX_IMPORT_ROWS} rows. Each row is reported created, duplicate (with the facility it already is) or invalid (with its field messages); a real run (dryRun=false) creates every row or, when any is invalid, none. The same file sent again creates nothing twice.`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'name,type,operatorAgencyName,provinceCode,capacity\nLotus House,group_home,Hope Foundation,02,20\n' } })
  @ApiOkResponse({ type: ImportReportView })
  @ApiValidationErrors()
  async create(@CurrentCaller() caller: Acting, @Query() query: ImportQuery, @Body() body: unknown): Promise<ImportReportView> {
    if (!(body instanceof CsvBody)) throw new ValidationFailed([{ field: 'body', messages: ['send the file as text/csv'] }]);
    return this.imports.import(caller, body.csv, query.dryRun ?? true);
  }
}
