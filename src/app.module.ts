import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesController } from './agencies/agencies.controller';
import { AgenciesService } from './agencies/agencies.service';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { PersonalAccessAudit } from './audit/personal-access-audit';
import { DeniedAccessLog } from './common/auth/denied-access';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { AccessGuard } from './common/auth/access.guard';
import { dataSourceOptions } from './common/database/data-source-options';
import { Database } from './common/database/database.service';
import { Lifecycle } from './common/http/lifecycle';
import { ProblemDetailsFilter } from './common/http/problem-details.filter';
import { UnitOfWorkInterceptor } from './common/http/unit-of-work.interceptor';
import { UnitOfWorkOutcomes } from './common/http/unit-of-work-outcomes';
import { createValidationPipe } from './common/http/validation.pipe';
import { AppConfigService } from './config/app-config.service';
import type { AppConfig } from './config/config';
import { HealthController } from './health/health.controller';
import { ProvincesController } from './provinces/provinces.controller';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { FacilitiesController } from './facilities/facilities.controller';
import { FacilitiesService } from './facilities/facilities.service';
import { MousController } from './mous/mous.controller';
import { MousService } from './mous/mous.service';
import { InspectionsController } from './inspections/inspections.controller';
import { CorrectiveActionResolutionController, CorrectiveActionsController } from './corrective-actions/corrective-actions.controller';
import { CorrectiveActionsService } from './corrective-actions/corrective-actions.service';
import { InspectionsService } from './inspections/inspections.service';
import { RegistryEventsService } from './registry-events/registry-events.service';
import { ChildrenController } from './children/children.controller';
import { ChildrenService } from './children/children.service';
import { PossibleDuplicatesController } from './children/possible-duplicates/possible-duplicates.controller';
import { PossibleDuplicatesService } from './children/possible-duplicates/possible-duplicates.service';
import { CareEpisodesController } from './care-episodes/care-episodes.controller';
import { CareEpisodesService } from './care-episodes/care-episodes.service';
import { EpisodeAccess } from './care-episodes/episode-access';
import { HandoversController } from './care-episodes/handovers/handovers.controller';
import { HandoversService } from './care-episodes/handovers/handovers.service';
import { EpisodeEvents } from './care-episodes/episode-events';
import { ResidentCounts } from './care-episodes/resident-counts';
import { ReviewsController } from './care-episodes/reviews/reviews.controller';
import { ReviewsService } from './care-episodes/reviews/reviews.service';
import { FollowUpVisitsController } from './care-episodes/follow-up-visits/follow-up-visits.controller';
import { FollowUpVisitsService } from './care-episodes/follow-up-visits/follow-up-visits.service';
import { ChildListController } from './care-episodes/child-list/child-list.controller';
import { ChildListService } from './care-episodes/child-list/child-list.service';
import { FacilityMouReader, FacilityResidentReader } from './facilities/facility-ports';
import { MouFacilityReader } from './mous/mou-facility-reader';
import { FiguresController } from './figures/figures.controller';
import { FiguresService } from './figures/figures.service';
import { LabelsController } from './labels/labels.controller';
import { PlacesController } from './places/places.controller';
import { PlacesService } from './places/places.service';
import { FacilityImportsController } from './facilities/imports/facility-imports.controller';
import { FacilityImportsService } from './facilities/imports/facility-imports.service';
import { WorklistController } from './worklist/worklist.controller';
import { WorklistService } from './worklist/worklist.service';
import { ChildPopulationsController } from './figures/child-populations/child-populations.controller';
import { ChildPopulationsService } from './figures/child-populations/child-populations.service';
import { IndicatorsService } from './figures/indicators/indicators.service';
import { ChildrenSeriesService } from './figures/series/children-series.service';
import { ChangesController } from './changes/changes.controller';
import { ApiClientsController } from './api-clients/api-clients.controller';
import { ApiClientsService } from './api-clients/api-clients.service';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { ChangesService } from './changes/changes.service';
import { FeedReaders } from './changes/feed-readers';

/** The whole API in one module: features are cut by folder, wired here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, 10, config.database)),
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
        CorrectiveActionResolutionController,
        CorrectiveActionsController,
        ChildrenController,
        ChildListController,
        PossibleDuplicatesController,
        CareEpisodesController,
        ReviewsController,
        HandoversController,
        FollowUpVisitsController,
        FiguresController,
        ChildPopulationsController,
        LabelsController,
        PlacesController,
        FacilityImportsController,
        WorklistController,
        ChangesController,
        ApiClientsController,
        WebhooksController,
        HealthController,
      ],
      providers: [
        { provide: AppConfigService, useValue: new AppConfigService(config) },
        Lifecycle,
        Database,
        AuditService,
        PersonalAccessAudit,
        { provide: DeniedAccessLog, useExisting: PersonalAccessAudit },
        { provide: UnitOfWorkOutcomes, useExisting: PersonalAccessAudit },
        AuthService,
        JwtStrategy,
        AgenciesService,
        UsersService,
        RegistryEventsService,
        ResidentCounts,
        { provide: FacilityResidentReader, useExisting: ResidentCounts },
        MouFacilityReader,
        { provide: FacilityMouReader, useExisting: MouFacilityReader },
        FacilitiesService,
        MousService,
        CorrectiveActionsService,
        InspectionsService,
        PossibleDuplicatesService,
        ChildrenService,
        EpisodeAccess,
        EpisodeEvents,
        CareEpisodesService,
        ReviewsService,
        HandoversService,
        FollowUpVisitsService,
        ChildListService,
        FiguresService,
        ChildrenSeriesService,
        IndicatorsService,
        ChildPopulationsService,
        WorklistService,
        FeedReaders,
        ChangesService,
        ApiClientsService,
        WebhooksService,
        WebhookDispatcher,
        PlacesService,
        FacilityImportsService,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: UnitOfWorkInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
