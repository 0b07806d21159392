import { HttpResponse, http, type RequestHandler } from 'msw';
import type { FakeCloudWatch } from '../core/account';
import { isCloudWatchRequest, serveRequest } from '../protocols/serve';

/**
 * msw v2 handlers putting the account on the wire: any POST to monitoring.<region>.amazonaws.com, or to
 * any endpoint in one of CloudWatch's protocols. For msw's browser worker and for msw/node alike.
 */
export function cloudWatchHandlers(account: FakeCloudWatch): RequestHandler[] {
  return [
    http.post(
      ({ request }) => isCloudWatchRequest(request),
      async ({ request }) => {
        const outcome = await serveRequest(request, account);
        if (outcome.kind === 'network-error') return HttpResponse.error();
        const { status, headers, body } = outcome.response;
        return new HttpResponse(body, { status, headers });
      },
    ),
  ];
}
