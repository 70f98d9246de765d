import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PublicRoute } from '../common/auth/authenticated.decorator';
import { DatabaseUnavailable } from '../common/errors/domain-errors';
import { Lifecycle } from '../common/http/lifecycle';

const READY_WITHIN_MS = 1_500;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: Lifecycle,
  ) {}

  @Get('live')
  @PublicRoute()
  @ApiOperation({ summary: 'The process is up.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @PublicRoute()
  @ApiOperation({ summary: 'The database answers.' })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up' } } })
  @ApiServiceUnavailableResponse({ description: 'problem+json `DATABASE_UNAVAILABLE` with Retry-After: the database did not answer within 1.5 s, or the app is stopping.' })
  async ready(): Promise<{ status: 'ok'; database: 'up' }> {
    if (this.lifecycle.stopping) throw new DatabaseUnavailable(1);
    // Within 2 seconds whatever the database does: a frozen one must not hang the load balancer's check.
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseUnavailable()), READY_WITHIN_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), gaveUp]);
    } catch {
      throw new DatabaseUnavailable();
    } finally {
      clearTimeout(timer);
    }
    return { status: 'ok', database: 'up' };
  }
}
