/**
 * CloudWatch's query protocol (awsQuery), the second protocol its service model lists: `POST /` with
 * `Content-Type: application/x-www-form-urlencoded` and a body `Action=<Operation>&Version=2010-08-01&…`
 * (API reference, "Making API requests": `Action`, or `Operation` for backward compatibility; lists as
 * `param.member.N`); answers in XML in CloudWatch's namespace, `<OperationResponse><OperationResult>…
 * </OperationResult><ResponseMetadata><RequestId>`; errors as `<ErrorResponse><Error><Type>Sender|Receiver
 * </Type><Code>…</Code><Message>…</Message></Error><RequestId>` with the error's HTTP status (Smithy, "AWS
 * query protocol"). The request id is also in `x-amzn-RequestId`, as in every AWS answer.
 */
import { type AwsError, common, modeled } from '../../core/errors';
import type { Protocol, ReadRequest, WireResponse } from '../protocol';
import { readForm } from './form';
import { INPUT_SHAPES } from './shapes';
import { element, escapeXml } from './xml';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
/** The service model's `xmlNamespace`. */
export const XML_NAMESPACE = 'http://monitoring.amazonaws.com/doc/2010-08-01/';
/** The service model's `apiVersion`, the `Version` every request names. */
export const API_VERSION = '2010-08-01';
const XML_CONTENT_TYPE = 'text/xml';

/** True for a form-encoded request that names no JSON target: the query protocol's requests. */
function isForm(request: Request): boolean {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  return type.split(';')[0]?.trim() === FORM_CONTENT_TYPE && !request.headers.has('x-amz-target');
}

async function read(request: Request): Promise<ReadRequest> {
  const params = new URLSearchParams(await request.text());
  const operation = params.get('Action') ?? params.get('Operation') ?? '';
  const version = params.get('Version');
  const rest = [...params].filter(([key]) => key !== 'Action' && key !== 'Operation' && key !== 'Version');
  const shape = Object.hasOwn(INPUT_SHAPES, operation) ? INPUT_SHAPES[operation] : undefined;
  const input = shape ? readForm(rest, shape) : {};
  let problem: AwsError | undefined;
  if (!operation) problem = common.unknownOperation();
  else if (version === null)
    problem = modeled.missingParameter('The request must contain the parameter Version.');
  // No operation exists in another API version of CloudWatch.
  else if (version !== API_VERSION) problem = common.unknownOperation();
  return { operation, input, ...(problem ? { problem } : {}) };
}

function answer(status: number, requestId: string, body: string): WireResponse {
  return {
    status,
    headers: { 'content-type': XML_CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body,
  };
}

export const awsQuery: Protocol = {
  name: 'awsQuery',
  claims: isForm,
  read,
  output: (output: unknown, requestId: string, operation: string): WireResponse => {
    const result = element(`${operation}Result`, output ?? {});
    const metadata = element('ResponseMetadata', { RequestId: requestId });
    return answer(
      200,
      requestId,
      `<${operation}Response xmlns="${XML_NAMESPACE}">${result}${metadata}</${operation}Response>`,
    );
  },
  error: (error: AwsError, requestId: string): WireResponse => {
    const message = error.message ? `<Message>${escapeXml(error.message)}</Message>` : '';
    const body =
      `<ErrorResponse xmlns="${XML_NAMESPACE}"><Error><Type>${error.fault}</Type>` +
      `<Code>${escapeXml(error.code)}</Code>${message}</Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`;
    return answer(error.status, requestId, body);
  },
};
