import { HttpResponse, http, type RequestHandler } from 'msw';
import type { FakeCloudWatch } from '../core/account';
import { isMonitoringHost } from '../protocols/front-door';
import { isCloudWatchRequest, serveRequest } from '../protocols/serve';

/** Any host of AWS's: a request the simulated account does not answer must never reach one. */
function isAwsHost(url: URL): boolean {
  return url.hostname === 'amazonaws.com' || url.hostname.endsWith('.amazonaws.com');
}

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

/**
 * Faults of the wire between the page and CloudWatch rather than of the account, for end-to-end tests
 * of the demo: `malformed` answers a proxy's cut-off body with HTTP 200, `corsRefused` drops every call
 * while the host still answers a reachability probe, which is how a browser sees a refused preflight.
 */
export interface WireFaults {
  malformed: boolean;
  corsRefused: boolean;
}

/** Handlers for the wire faults, to put before the account's own. */
export function wireFaultHandlers(wire: WireFaults): RequestHandler[] {
  return [
    http.post(
      ({ request }) => (wire.malformed || wire.corsRefused) && isCloudWatchRequest(request),
      ({ request }) => {
        if (wire.corsRefused) return HttpResponse.error();
        const query = request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded');
        return query
          ? new HttpResponse('<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>', {
              status: 200,
              headers: { 'content-type': 'text/xml' },
            })
          : new HttpResponse('{"MetricDataResults":[{"Id":"q0","Timestamps":[17', {
              status: 200,
              headers: { 'content-type': 'application/x-amz-json-1.0' },
            });
      },
    ),
  ];
}

/**
 * The simulated network around the account, after its handlers, for a demo that must stay sealed: a
 * reachability probe (any other request to a monitoring host) is answered while the account is up and
 * dropped under its `network` fault, so the probe tells what a real one would of this network; any other
 * request to an AWS host is dropped, so nothing the demo's client sends ever goes past the worker to AWS.
 */
export function sealedNetworkHandlers(account: FakeCloudWatch): RequestHandler[] {
  return [
    http.all(
      ({ request }) => isMonitoringHost(new URL(request.url)),
      () =>
        account.faults.active().some((f) => f.kind === 'network')
          ? HttpResponse.error()
          : new HttpResponse(null, { status: 404 }),
    ),
    http.all(
      ({ request }) => isAwsHost(new URL(request.url)),
      () => HttpResponse.error(),
    ),
  ];
}
