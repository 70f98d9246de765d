import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SEXES, type Sex } from '../../children/domain/child';
import { PageQuery } from '../../common/http/pagination';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { EpisodeListQuery } from '../dto/episode-list.dto';

/** The child list's filters: the child's own, and those of its current case. */
export class ChildListQuery extends IntersectionType(PageQuery, OmitType(EpisodeListQuery, ['limit', 'cursor', 'childId'] as const)) {
  @ApiPropertyOptional() @IsOptional() @IsIn(PROVINCE_CODES) homeProvinceCode?: string;
  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES) sex?: Sex;
  @ApiPropertyOptional({ example: 'CH-7K2M9QX4RT' }) @IsOptional() @IsString() @MaxLength(20) systemCode?: string;
}
