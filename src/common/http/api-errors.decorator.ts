import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiPreconditionFailedResponse } from '@nestjs/swagger';

export const ApiValidationErrors = () =>
  ApiBadRequestResponse({ description: 'problem+json `VALIDATION_FAILED` listing each bad field, or `MALFORMED_JSON`.' });

export const ApiNotFoundInScope = () =>
  ApiNotFoundResponse({ description: 'problem+json `NOT_FOUND`: no such record, or it is outside your scope.' });

export const ApiIfMatch = () =>
  applyDecorators(
    ApiPreconditionFailedResponse({ description: 'problem+json `PRECONDITION_FAILED`: If-Match names an older version.' }),
  );
