import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PublicRoute } from '../common/auth/authenticated.decorator';
import { ApiValidationErrors } from '../common/http/api-errors.decorator';
import { LANGUAGES, labelsIn, type Language } from './labels.data';

class LabelsQuery {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' }) @IsOptional() @IsIn(LANGUAGES) lang?: Language;
}

class LabelsView {
  @ApiProperty({ enum: LANGUAGES }) lang: Language;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'careSetting.kinship_care': 'Kinship care', 'dashboard.fewerThan5': 'fewer than 5' },
    description: 'Keyed `<namespace>.<value>`: care settings, facility types and statuses, episode statuses, close reasons, sexes, age bands, parental statuses, figures and indicators, the dashboard’s words.',
  })
  labels: Record<string, string>;
}

@ApiTags('labels')
@Controller('labels')
export class LabelsController {
  @Get()
  @PublicRoute()
  @ApiOperation({ summary: 'Every label in English or Khmer, from the one source the dashboard uses. Public: a login page needs them, and they name no one.' })
  @ApiOkResponse({ type: LabelsView })
  @ApiValidationErrors()
  get(@Query() query: LabelsQuery): LabelsView {
    const lang = query.lang ?? 'en';
    return { lang, labels: labelsIn(lang) };
  }
}
