import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesController } from './agencies/agencies.controller';
import { AgenciesService } from './agencies/agencies.service';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { AccessGuard } from './common/auth/access.guard';
import { dataSourceOptions } from './common/database/data-source-options';
import { Database } from './common/database/database.service';
import { ProblemDetailsFilter } from './common/http/problem-details.filter';
import { UnitOfWorkInterceptor } from './common/http/unit-of-work.interceptor';
import { createValidationPipe } from './common/http/validation.pipe';
import { AppConfigService } from './config/app-config.service';
import type { AppConfig } from './config/config';
import { HealthController } from './health/health.controller';
import { ProvincesController } from './provinces/provinces.controller';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { FacilitiesController } from './facilities/facilities.controller';
import { FacilitiesService } from './facilities/facilities.service';
import { ResidentCounts } from './facilities/resident-counts';
import { MousController } from './mous/mous.controller';
import { MousService } from './mous/mous.service';
import { CorrectiveActionsController, InspectionsController } from './inspections/inspections.controller';
import { InspectionsService } from './inspections/inspections.service';
import { RegistryEventsService } from './registry-events/registry-events.service';
import { ChildrenController } from './children/children.controller';
import { ChildrenService } from './children/children.service';
import { CareEpisodesController } from './care-episodes/care-episodes.controller';
import { CareEpisodesService } from './care-episodes/care-episodes.service';
import { FiguresController } from './figures/figures.controller';
import { FiguresService } from './figures/figures.service';

/** The whole API in one module: features are cut by folder, wired here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        PassportModule,
        JwtModule.register({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' } }),
      ],
      controllers: [
        AuthController,
        AgenciesController,
        UsersController,
        ProvincesController,
        AuditController,
        FacilitiesController,
        MousController,
        InspectionsController,
        CorrectiveActionsController,
        ChildrenController,
        CareEpisodesController,
        FiguresController,
        HealthController,
      ],
      providers: [
        { provide: AppConfigService, useValue: new AppConfigService(config) },
        Database,
        AuditService,
        AuthService,
        JwtStrategy,
        AgenciesService,
        UsersService,
        RegistryEventsService,
        ResidentCounts,
        FacilitiesService,
        MousService,
        InspectionsService,
        ChildrenService,
        CareEpisodesService,
        FiguresService,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: UnitOfWorkInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
