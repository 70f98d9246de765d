import { Injectable } from '@nestjs/common';

/** Whether the app is stopping: it then answers 503 to new requests on open connections, and is not ready. */
@Injectable()
export class Lifecycle {
  stopping = false;
}
