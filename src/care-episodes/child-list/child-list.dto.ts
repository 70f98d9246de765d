import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SEXES, type Sex } from '../../children/domain/child';
import { PageQuery } from '../../common/http/pagination';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { EpisodeListQuery } from '../dto/episode-list.dto';

/** The child list's filters: the child's own, and those of its current case. */
export class ChildListQuery extends IntersectionType(PageQuery, OmitType(EpisodeListQuery, ['limit', 'cursor', 'childId', 'sort', 'externalId'] as const)) {
  @ApiPropertyOptional() @IsOptional() @IsIn(PROVINCE_CODES) homeProvinceCode?: string;
  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES) sex?: Sex;
  @ApiPropertyOptional({ example: 'CH-7K2M9QX4RT' }) @IsOptional() @IsString() @MaxLength(20) systemCode?: string;
  @ApiPropertyOptional({ example: 'OSCaR-2024-00817', description: 'The child by an agency’s own id.' }) @IsOptional() @IsString() @MaxLength(100) externalId?: string;
  @ApiPropertyOptional({
    example: 'Sokha Chan',
    description:
      'A name in either script, in any order, or a system code. Tolerant of case, spacing, accents, zero-width characters and small misspellings of Latin names; Khmer subscript DA and TA compare equal. Searches are audited without their text.',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;
}
