import { Injectable } from '@nestjs/common';
import type { AppConfig } from './config';

/** The checked configuration, injectable. */
@Injectable()
export class AppConfigService {
  constructor(readonly values: AppConfig) {}
}
