import type { Problem } from './validate-output';

/** An error shape of the service model: its name, members and the traits that put it on the wire. */
export interface ModeledError {
  /** Shape name, e.g. InvalidParameterValueException. */
  name: string;
  /** The query-protocol code and HTTP status (`awsQueryError`), e.g. ["InvalidParameterValue", 400]. */
  queryError?: [code: string, status: number];
  /** `error` trait: the caller's fault or the service's. */
  fault: 'client' | 'server';
  httpStatus?: number;
  /** Members of the error structure, e.g. ["message"]. */
  members: string[];
}

/** One error answer as it came off the wire. */
export interface ErrorAnswer {
  status: number;
  headers: Headers;
  body: string;
}

const QUERY_ERROR = /^([A-Za-z0-9.]+);(Sender|Receiver)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every way an awsJson1_0 error answer (query-compatible, as CloudWatch speaks it) differs from the model:
 * `{"__type", "message"}` with the status and `x-amzn-query-error: Code;Sender|Receiver`. A `__type` in the
 * service's namespace must be one of its modeled errors, with that error's code, status and members; any
 * other (an error common to AWS services) must not borrow a modeled error's code.
 */
export function validateError(answer: ErrorAnswer, namespace: string, errors: ModeledError[]): Problem[] {
  const problems: Problem[] = [];
  const fail = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  if (answer.status < 400 || answer.status > 599) fail('(status)', `${answer.status} is not an error status`);
  const contentType = answer.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/x-amz-json-1.0')) {
    fail('(content-type)', `application/x-amz-json-1.0 expected, not "${contentType}"`);
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    fail('(body)', 'not JSON');
    return problems;
  }
  if (!isRecord(body)) {
    fail('(body)', 'an object expected');
    return problems;
  }
  const type = body.__type;
  if (typeof type !== 'string' || type === '') {
    fail('__type', 'required, a shape id');
    return problems;
  }
  const [ns, name] = type.includes('#') ? type.split('#', 2) : [namespace, type];
  const header = answer.headers.get('x-amzn-query-error') ?? '';
  const query = QUERY_ERROR.exec(header);
  if (!query) fail('(x-amzn-query-error)', `"Code;Sender" or "Code;Receiver" expected, not "${header}"`);
  const [, code, fault] = query ?? [];
  if (fault && (fault === 'Receiver') !== answer.status >= 500) {
    fail('(x-amzn-query-error)', `${fault} with HTTP ${answer.status}`);
  }
  const modeled = ns === namespace ? errors.find((e) => e.name === name) : undefined;
  if (ns === namespace && !modeled) fail('__type', `${name} is not an error shape of ${namespace}`);
  let members = ['message'];
  if (modeled) {
    members = modeled.members;
    const [modeledCode, modeledStatus] = modeled.queryError ?? [name, modeled.httpStatus];
    if (code !== undefined && code !== modeledCode) {
      fail('(x-amzn-query-error)', `the code of ${name} is ${modeledCode}, not ${code}`);
    }
    const status = modeled.httpStatus ?? modeledStatus;
    if (status !== undefined && answer.status !== status) {
      fail('(status)', `${name} is answered with ${status}, not ${answer.status}`);
    }
    if (fault && (fault === 'Sender') !== (modeled.fault === 'client')) {
      fail('(x-amzn-query-error)', `${name} is a ${modeled.fault} error, not ${fault}`);
    }
  } else if (code !== undefined) {
    const owner = errors.find((e) => (e.queryError?.[0] ?? e.name) === code);
    if (owner)
      fail('(x-amzn-query-error)', `${code} is the code of the modeled ${owner.name}, not of ${type}`);
  }
  for (const [key, value] of Object.entries(body)) {
    if (key === '__type') continue;
    if (!members.includes(key)) fail(key, `not a member of ${name}`);
    else if (typeof value !== 'string') fail(key, 'a string expected');
  }
  return problems;
}
